// Loads pagec from build/ (the built JS, as users run it) and compiles workload sites into render functions
// exactly as the runtime loads them: render-lib via loadRenderLib, each page via loadRenderModule.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUILD = join(ROOT, "build");

export async function loadPagec() {
  if (!existsSync(join(BUILD, "render-lib.js"))) throw new Error("build/ is missing: run `node scripts/build.mjs` first (npm run bench does)");
  const imp = (p) => import(new URL(`../../build/${p}`, import.meta.url).href);
  // Sequential on purpose: parallel dynamic imports of one module graph have failed to link here (Node 20).
  const compile = await imp("compiler/compile.js");
  const index = await imp("compiler/index.js");
  const renderModule = await imp("runtime/render/render-module.js");
  const lib = renderModule.loadRenderLib(readFileSync(join(BUILD, "render-lib.js"), "utf8"), "render-lib.js");
  return { analyzeSite: compile.analyzeSite, compileSite: index.compileSite, checkSite: index.checkSite, checkSource: index.checkSource, loadRenderModule: renderModule.loadRenderModule, lib, imp };
}

/** A runtime object with the same shape the host renderer passes, doing the minimum (no budgets). */
export const minimalRt = { call() { return undefined; }, tick() {}, setItem() {}, clearItem() {}, warn() {} };

/** Compiles a site and returns slug → render(data) taking the `var` data; throws on compile errors. */
export function renderFunctions(pagec, siteDir) {
  const a = pagec.analyzeSite(siteDir);
  const errors = a.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`workload site does not compile: ${errors.map((d) => `${d.file}:${d.line ?? "?"} ${d.code} ${d.message}`).join("; ")}`);
  const out = {};
  for (const p of a.pages) {
    if (!p.render) continue;
    const mod = pagec.loadRenderModule(p.render.code, `${p.route.slug}.render.js`, pagec.lib);
    out[p.route.slug] = (data) => mod.render({ var: data }, minimalRt);
  }
  return out;
}
