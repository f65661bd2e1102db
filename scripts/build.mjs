// Transpiles compiler/ and runtime/ (TypeScript) to build/ with esbuild, file by file, and bundles the
// sandbox prelude into one classic script (build/prelude.js). Type checking is separate: `npm run typecheck`.
import { build } from "esbuild";
import { readdirSync, statSync, mkdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}
const entries = ["compiler", "runtime"].flatMap((d) => walk(join(root, d)));
mkdirSync(join(root, "build"), { recursive: true });
// Up-to-date check: tests call this script too, and rewriting build/ while other test processes load it
// would race. When no source is newer than the last build, do nothing.
const stampFile = join(root, "build/.stamp");
const newest = Math.max(...[...entries, fileURLToPath(import.meta.url)].map((f) => statSync(f).mtimeMs), ...entries.length ? [] : [0]);
const stamp = `${newest}:${entries.length}`;
if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && existsSync(join(root, "build/prelude.js")) && !process.argv.includes("--force")) process.exit(0);
await build({
  entryPoints: entries,
  outdir: join(root, "build"),
  outbase: root,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
const renderLibEntry = join(root, "compiler/prelude/render-lib.ts");
if (existsSync(renderLibEntry)) {
  // Loaded by the runtime with vm.runInThisContext: the completion value is the library object.
  await build({
    entryPoints: [renderLibEntry],
    outfile: join(root, "build/render-lib.js"),
    bundle: true,
    format: "iife",
    globalName: "__pagec_render_lib",
    platform: "neutral",
    target: "es2022",
    logLevel: "warning",
    footer: { js: "__pagec_render_lib.renderLib;" },
  });
}
const preludeEntry = join(root, "compiler/prelude/index.ts");
if (existsSync(preludeEntry)) {
  // The prelude runs inside the sandbox: a classic script whose completion value is the entry function (SPEC §8.5).
  await build({
    entryPoints: [preludeEntry],
    outfile: join(root, "build/prelude.js"),
    bundle: true,
    format: "iife",
    globalName: "__pagec_prelude",
    platform: "neutral",
    target: "es2022",
    logLevel: "warning",
    footer: { js: "__pagec_prelude.entry;" },
  });
}
writeFileSync(stampFile, stamp);
