// `pagec build <site> [--out dir] [--watch] [--format …] [--no-code-cache] [--no-precompile-schemas]`.
import { resolve } from "node:path";
import { watchForChanges } from "../site/watch-site.js";
import { compileSite } from "../index.js";
import { parse, requireDir, formatOption } from "./main.js";
import { renderDiagnostics, useColor } from "./report.js";

export async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: "string" }, watch: { type: "boolean" }, format: { type: "string" },
    "no-code-cache": { type: "boolean" }, "no-precompile-schemas": { type: "boolean" },
  });
  const site = resolve(requireDir(positionals[0], "site directory"));
  const format = formatOption(values.format);
  const out = resolve(values.out ?? "dist");
  const once = async (): Promise<number> => {
    const started = Date.now();
    const r = await compileSite(site, { outDir: out, codeCache: !values["no-code-cache"], precompileSchemas: !values["no-precompile-schemas"] });
    const text = renderDiagnostics(r.diagnostics, site, format, useColor(process.stderr));
    if (format === "pretty") { if (r.diagnostics.length || !r.ok) process.stderr.write(text); }
    else process.stdout.write(text);
    if (r.ok && format === "pretty") process.stderr.write(`built ${r.manifest!.routes.length} page${r.manifest!.routes.length === 1 ? "" : "s"} into ${out} in ${Date.now() - started} ms\n`);
    return r.ok ? 0 : 1;
  };
  const code = await once();
  if (!values.watch) return code;
  // Builds run one after another; changes made during a build schedule exactly one more.
  let running: Promise<unknown> = Promise.resolve();
  watchForChanges(site, () => { running = running.then(once); }, { ignoreDir: out, debounceMs: 100 });
  return new Promise<number>(() => {});
}
