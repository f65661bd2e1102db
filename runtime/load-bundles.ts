// Loads a dist (SPEC §8): validates the manifest and format version, reads the prelude, the render library,
// the variables, every render module and script bundle. No isolates yet (those are created by the server).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type { Manifest, ManifestRoute } from "../compiler/build/dist.js";
import { loadRenderLib, loadRenderModule, type RenderModule, type RenderLib } from "./render/render-module.js";
import { Router } from "./http/routing.js";

export const SUPPORTED_FORMATS = [1];

export interface ScriptFile { code: string; filename: string; cache?: Uint8Array; map: string | null }
export interface LoadedRoute { entry: ManifestRoute; render: RenderModule; script: ScriptFile | null }
export interface LoadedSite {
  manifest: Manifest;
  site: SiteConfig;
  variables: Record<string, unknown>;
  prelude: { code: string; filename: string; cache?: Uint8Array };
  renderLib: RenderLib;
  routes: LoadedRoute[];
  router: Router<LoadedRoute & { slug: string; kind: "exact" | "wildcard"; prefix?: string[]; params?: string[] }>;
  /** Dev mode: slug → pretty diagnostics of its latest failed compile (SPEC §6.12). */
  buildErrors: Map<string, string>;
}
export interface SiteConfig {
  id: string;
  name: string | null;
  crm: { entities: { slug: string; fields: { key: string }[] }[] };
  session: { cookieName: string; ttlSeconds: number; secretEnv: string };
  limits: Record<string, number>;
  trustProxy: boolean;
}

export class BundleFormatError extends Error {}

/** The router over a site's routes (also rebuilt in dev mode when broken pages are added). */
export function routerFor(routes: LoadedRoute[]): LoadedSite["router"] {
  return new Router(routes.map((r) => ({ ...r, slug: r.entry.slug, kind: r.entry.kind, prefix: r.entry.prefix, params: r.entry.params })));
}

const ivmVersion = (() => { try { return createRequire(import.meta.url)("isolated-vm/package.json").version as string; } catch { return null; } })();
const dec = new TextDecoder();

/** Builds a LoadedSite from dist files held in memory (dist-relative path → bytes). */
export function loadFromFiles(manifest: Manifest, files: Map<string, Uint8Array>, label = "dist"): LoadedSite {
  if (manifest?.format !== "pagec-bundle") throw new BundleFormatError(`${label} is not a pagec dist (manifest.format is not "pagec-bundle")`);
  if (!SUPPORTED_FORMATS.includes(manifest.formatVersion)) throw new BundleFormatError(`dist was built with bundle format ${manifest.formatVersion}; this runtime supports format 1`);
  const text = (name: string) => {
    const b = files.get(name);
    if (!b) throw new BundleFormatError(`${label}: missing file ${name}`);
    return dec.decode(b);
  };
  // A code cache is only valid for the exact V8 and isolated-vm it was made with (SPEC §8.6).
  const cacheOk = !!manifest.v8 && manifest.v8.version === process.versions.v8 && manifest.v8.isolatedVm === ivmVersion;
  const cache = (name: string | null) => (cacheOk && name ? files.get(name) : undefined);
  const renderLib = loadRenderLib(text(manifest.renderLib.file), manifest.renderLib.file);
  const routes: LoadedRoute[] = manifest.routes.map((entry) => ({
    entry,
    render: loadRenderModule(text(entry.render.file), entry.render.file, renderLib),
    script: entry.file ? { code: text(entry.file), filename: entry.file, cache: cache(entry.cache), map: entry.map ? text(entry.map) : null } : null,
  }));
  return {
    manifest,
    site: manifest.site as unknown as SiteConfig,
    variables: JSON.parse(text(manifest.variables.file)),
    prelude: { code: text(manifest.prelude.file), filename: manifest.prelude.file, cache: cache(manifest.prelude.cache) },
    renderLib,
    routes,
    router: routerFor(routes),
    buildErrors: new Map(),
  };
}

export async function loadBundles(distDir: string): Promise<LoadedSite> {
  let manifest: Manifest;
  try { manifest = JSON.parse(readFileSync(join(distDir, "manifest.json"), "utf8")); }
  catch (e) { throw new BundleFormatError(`cannot read ${join(distDir, "manifest.json")}: ${(e as Error).message}`); }
  const files = new Map<string, Uint8Array>();
  const want = [manifest.prelude?.file, manifest.prelude?.cache, manifest.renderLib?.file, manifest.variables?.file, ...(manifest.routes ?? []).flatMap((r) => [r.file, r.map, r.cache, r.render?.file])];
  for (const name of want) {
    if (!name) continue;
    try { files.set(name, readFileSync(join(distDir, name))); } catch { /* reported by loadFromFiles when required */ }
  }
  return loadFromFiles(manifest, files, distDir);
}
