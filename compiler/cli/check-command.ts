// `pagec check <site|files...> [--format …] [--strict]`: static analysis only, exit codes of SPEC §7.5.
import { resolve, dirname, relative } from "node:path";
import { existsSync, statSync } from "node:fs";
import { checkSite } from "../index.js";
import { parse, formatOption, UsageError } from "./main.js";
import { renderDiagnostics, useColor } from "./report.js";

/** The nearest ancestor directory containing site.json or pages/. */
export function findSiteRoot(path: string): string | null {
  let dir = statSync(path).isDirectory() ? path : dirname(path);
  for (;;) {
    if (existsSync(resolve(dir, "site.json")) || existsSync(resolve(dir, "pages"))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: "string" }, strict: { type: "boolean" } });
  const format = formatOption(values.format);
  if (!positionals.length) throw new UsageError("missing site directory or files");
  for (const p of positionals) if (!existsSync(p)) throw new UsageError(`\`${p}\` does not exist`);
  const first = resolve(positionals[0]);
  const isSite = positionals.length === 1 && statSync(first).isDirectory();
  const root = isSite ? first : findSiteRoot(first);
  if (!root) throw new UsageError(`cannot find the site root of \`${positionals[0]}\` (no site.json or pages/ above it)`);
  let { diagnostics } = await checkSite(root);
  if (!isSite) {
    const wanted = new Set(positionals.map((p) => relative(root, resolve(p)).split("\\").join("/")));
    diagnostics = diagnostics.filter((d) => wanted.has(d.file));
  }
  process.stdout.write(renderDiagnostics(diagnostics, root, format, useColor(process.stdout)));
  const errors = diagnostics.some((d) => d.severity === "error");
  const warnings = diagnostics.some((d) => d.severity === "warning");
  return errors || (values.strict && warnings) ? 1 : 0;
}
