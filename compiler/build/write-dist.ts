// Writes a dist directory safely (SPEC §1.3): bundle files first, manifest.json last by atomic rename, then
// removes files under pages/ and render/ that the new manifest does not reference.
import { mkdirSync, writeFileSync, renameSync, readdirSync, unlinkSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Manifest } from "./dist.js";

export function writeDist(outDir: string, manifest: Manifest, files: Map<string, Uint8Array>) {
  mkdirSync(outDir, { recursive: true });
  for (const [name, data] of files) {
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    const tmp = `${p}.tmp-${process.pid}`;
    writeFileSync(tmp, data);
    renameSync(tmp, p);
  }
  const tmp = join(outDir, `manifest.json.tmp-${process.pid}`);
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + "\n");
  renameSync(tmp, join(outDir, "manifest.json"));
  for (const sub of ["pages", "render"]) {
    const dir = join(outDir, sub);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!files.has(`${sub}/${name}`)) unlinkSync(join(dir, name));
    }
  }
}
