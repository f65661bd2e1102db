// Locates files shipped with the pagec package (the built prelude and render library), whether pagec runs
// from build/ (CLI, runtime) or from TypeScript sources (tests).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | null = null;
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "pagec") return (root = dir);
    dir = dirname(dir);
  }
  throw new Error("pagec: cannot find the package root");
}

/** A file produced by `npm run build` (scripts/build.mjs), e.g. "prelude.js". */
export function builtFile(name: string): string {
  const p = join(packageRoot(), "build", name);
  if (!existsSync(p)) throw new Error(`pagec: ${p} is missing; run \`npm run build\``);
  return readFileSync(p, "utf8");
}

export const PAGEC_VERSION: string = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version;
