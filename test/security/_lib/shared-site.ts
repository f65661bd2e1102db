// Builds the one shared hostile site the catalogue runner serves: every case folder contributes its pages and
// modules (namespaced by the case), plus a healthy page used to prove the host stayed alive after each case.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { SecurityCase } from "./case-types.js";

/** Small limits keep the suite fast: a loop costs 300 ms of CPU, a bomb hits 64 MB quickly. */
export const TEST_LIMITS = { scriptCpuMs: 300, scriptWallMs: 1000, isolateMemoryMb: 64 };

export const HEALTHY_PAGE = `<script scope="backend">
setVariable('n', Number(request.query.n ?? 0) + 1);
</script>
<p>ok {{ var.n }}</p>
`;

function put(root: string, rel: string, text: string): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Writes a site directory; `extra` is merged into site.json (e.g. crm entities). */
export function writeSite(
  files: { pages?: Record<string, string>; scripts?: Record<string, string> },
  siteJson: Record<string, unknown> = {},
  dir = mkdtempSync(join(tmpdir(), "pagec-sec-")),
): string {
  put(dir, "site.json", JSON.stringify({ limits: TEST_LIMITS, ...siteJson }, null, 2));
  put(dir, "pages/healthy.ef", HEALTHY_PAGE);
  for (const [rel, text] of Object.entries(files.pages ?? {})) put(dir, join("pages", rel), text);
  for (const [rel, text] of Object.entries(files.scripts ?? {})) put(dir, join("scripts", rel), text);
  return dir;
}

/** The shared site: all cases' runtime pages together, with the CRM entities any of them declares. */
export function writeSharedSite(cases: SecurityCase[]): string {
  const pages: Record<string, string> = {};
  const scripts: Record<string, string> = {};
  const entities: unknown[] = [];
  for (const c of cases) {
    Object.assign(pages, c.pages ?? {});
    Object.assign(scripts, c.scripts ?? {});
    entities.push(...(c.crmEntities ?? []));
  }
  return writeSite({ pages, scripts }, { id: "security", crm: { entities } });
}
