// Produces a LoadedSite from a dist directory or from a site directory compiled in memory. In dev mode a
// failing page does not take the site down: pages whose files have errors answer the build-error page.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyzeSite } from "../compiler/compile.js";
import { emitDist, type CodeCacheFn } from "../compiler/build/dist.js";
import { renderDiagnostics } from "../compiler/cli/report.js";
import { loadBundles, loadFromFiles, routerFor, type LoadedSite } from "./load-bundles.js";
import type { Diagnostic } from "../compiler/diagnostics/diagnostic.js";

export class CompileFailedError extends Error {
  constructor(readonly diagnostics: Diagnostic[], readonly pretty: string) { super("the site has errors"); }
}

export function isDist(dir: string): boolean {
  const m = join(dir, "manifest.json");
  if (!existsSync(m)) return false;
  try { return JSON.parse(readFileSync(m, "utf8")).format === "pagec-bundle"; } catch { return false; }
}

export async function compileInMemory(siteDir: string, opts: { dev: boolean; codeCache?: CodeCacheFn | null }): Promise<LoadedSite> {
  const root = resolve(siteDir);
  const a = analyzeSite(root);
  const errorFiles = new Set(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.file));
  const pretty = (files: Set<string>) => renderDiagnostics(a.diagnostics.filter((d) => files.has(d.file)), root, "pretty", false);
  if (errorFiles.size && !opts.dev) throw new CompileFailedError(a.diagnostics, renderDiagnostics(a.diagnostics, root, "pretty", false));
  const siteLevel = errorFiles.has("site.json") || errorFiles.has("variables.json");
  if (siteLevel) throw new CompileFailedError(a.diagnostics, renderDiagnostics(a.diagnostics, root, "pretty", false));
  const broken = a.pages.filter((p) => p.sources.some((f) => errorFiles.has(f)));
  const ok = { ...a, pages: a.pages.filter((p) => !broken.includes(p)) };
  const { manifest, files } = emitDist(ok, { codeCache: opts.codeCache ?? null });
  // Broken pages keep a route (so they answer 500 with their diagnostics) but have no code.
  const loaded = loadFromFiles(manifest, files, root);
  for (const p of broken) loaded.buildErrors.set(p.route.slug, pretty(new Set(p.sources)));
  if (broken.length) {
    const extra = broken.map((p) => ({
      entry: { slug: p.route.slug, kind: p.route.kind, prefix: p.route.prefix, params: p.route.params } as LoadedSite["routes"][number]["entry"],
      render: { render: () => "", meta: { files: [], lines: [] } },
      script: null,
    }));
    loaded.routes.push(...extra);
    loaded.router = routerFor(loaded.routes);
  }
  return loaded;
}

export async function loadSiteOrDist(path: string, opts: { dev: boolean; codeCache?: CodeCacheFn | null }): Promise<LoadedSite> {
  return isDist(path) ? loadBundles(path) : compileInMemory(path, opts);
}
