// Fuzz the compile+render path (SECURITY-TESTS G1, D1, D9): arbitrary visitor data rendered through text,
// quoted attributes and variables never appears unescaped, and the backend script never reaches the HTML.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startTestServer, type TestServer } from "../runtime/server-harness.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const MARK = "FUZZ_BACKEND_SOURCE_MARK";
const page = `<script scope="backend">
const mark = '${MARK}';
setVariable('v', request.query.x ?? '');
setVariable('o', { nested: request.query.x ?? '' });
</script>
<p>[{{ request.query.x }}]</p><a title="{{ var.v }}" data-x='{{ var.v }}'>[{{ var.o.nested }}]</a>
<!-- [{{ var.v }}] -->
`;
let t: TestServer;
let site: string;
beforeAll(async () => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  site = mkdtempSync(join(tmpdir(), "pagec-fuzz-site-"));
  mkdirSync(join(site, "pages"));
  writeFileSync(join(site, "site.json"), JSON.stringify({ id: "fuzz-render", limits: { scriptCpuMs: 300, scriptWallMs: 1000, isolateMemoryMb: 64 } }));
  writeFileSync(join(site, "pages/index.ef"), page);
  t = await startTestServer(site, { isolates: 2 });
}, 120000);
afterAll(async () => { await t?.stop(); rmSync(site, { recursive: true, force: true }); });

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const hostile = fc.stringMatching(/^[<>"'&{}@\[\]a-z =/\\-]{0,40}$/);

describe("fuzz: compile + render", () => {
  it("visitor data is escaped exactly once in every slot and the backend script never leaks", async () => {
    await fc.assert(fc.asyncProperty(hostile, async (x: string) => {
      const res = await t.server.fastify.inject({ url: `/?x=${encodeURIComponent(x)}` });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(MARK);
      expect(res.body).not.toContain("setVariable");
      const e = escape(x);
      expect(res.body).toContain(`<p>[${e}]</p><a title="${e}" data-x='${e}'>[${e}]</a>`);
      expect(res.body).toContain(`<!-- [${e}] -->`);
    }), { numRuns: 150, seed: 5 });
  }, 60000);
});
