// Turns an analysis into the files of a dist directory (SPEC §8.1–§8.2): content-hashed names, a manifest,
// deterministic bytes. Our arrangement (SPEC §6.10 allows it): templates render on the host from copied plain
// data, so each route has a render module (render/<name>.<hash>.js) and, only when the page has backend
// scripts, a script bundle (pages/<name>.<hash>.js) that runs in an isolate.
import { createHash } from "node:crypto";
import type { Analysis } from "../compile.js";
import { builtFile, PAGEC_VERSION } from "./package-files.js";

export const FORMAT_VERSION = 1;
const enc = new TextEncoder();

export function hash16(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 16);
}

export function distName(slug: string): string {
  return slug.replace(/\//g, "__").replace(/[{}]/g, "_").replace(/[^A-Za-z0-9._-]/g, "_");
}

export interface ManifestRoute {
  slug: string;
  kind: "exact" | "wildcard";
  prefix?: string[];
  params?: string[];
  file: string | null;
  map: string | null;
  cache: string | null;
  hash: string;
  hasScript: boolean;
  render: { file: string; map: string; hash: string };
  sources: string[];
  schemas: { precompiled: number; dynamic: number };
}
export interface Manifest {
  format: "pagec-bundle";
  formatVersion: number;
  compiler: { name: "pagec"; version: string };
  buildId: string;
  createdAt: string;
  site: Record<string, unknown>;
  v8: { version: string; isolatedVm: string } | null;
  prelude: { file: string; map: string | null; cache: string | null; hash: string };
  renderLib: { file: string; hash: string };
  variables: { file: string; hash: string };
  notFound: string | null;
  routes: ManifestRoute[];
}

export type CodeCacheFn = (code: string, filename: string) => Uint8Array | null;
export interface EmitOptions { codeCache?: CodeCacheFn | null; v8?: { version: string; isolatedVm: string } | null }

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v);
}

export function emitDist(a: Analysis, opts: EmitOptions = {}): { manifest: Manifest; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const put = (name: string, data: string | Uint8Array) => files.set(name, typeof data === "string" ? enc.encode(data) : data);
  const cacheFor = (code: string, file: string): string | null => {
    const bytes = opts.codeCache?.(code, file) ?? null;
    if (!bytes) return null;
    const name = file.replace(/\.js$/, ".cache");
    put(name, bytes);
    return name;
  };

  const preludeCode = builtFile("prelude.js");
  const preludeHash = hash16(preludeCode);
  const preludeFile = `prelude.${preludeHash}.js`;
  put(preludeFile, preludeCode);
  const preludeCache = cacheFor(preludeCode, preludeFile);

  const renderLibCode = builtFile("render-lib.js");
  const renderLibHash = hash16(renderLibCode);
  put(`render-lib.${renderLibHash}.js`, renderLibCode);

  const variablesText = JSON.stringify(a.site.variables ?? {});
  const variablesHash = hash16(variablesText);
  put(`variables.${variablesHash}.json`, variablesText);

  const routes: ManifestRoute[] = [];
  for (const p of a.pages) {
    const name = distName(p.route.slug);
    const render = p.render!;
    const renderHash = hash16(render.code);
    const renderFile = `render/${name}.${renderHash}.js`;
    put(renderFile, `${render.code}//# sourceMappingURL=${name}.${renderHash}.js.map\n`);
    put(`${renderFile}.map`, render.map);
    let file: string | null = null, map: string | null = null, cache: string | null = null, hash = renderHash;
    if (p.bundle) {
      const code = p.bundle.code;
      hash = hash16(code);
      file = `pages/${name}.${hash}.js`;
      map = `${file}.map`;
      // The code cache must be made for the exact bytes of the file, map comment included, or V8 rejects it.
      const text = `${code}//# sourceMappingURL=${name}.${hash}.js.map\n`;
      put(file, text);
      put(map, JSON.stringify(p.bundle.map));
      cache = cacheFor(text, file);
    }
    routes.push({
      slug: p.route.slug,
      kind: p.route.kind,
      ...(p.route.kind === "wildcard" ? { prefix: p.route.prefix, params: p.route.params } : {}),
      file, map, cache, hash,
      hasScript: !!p.bundle,
      render: { file: renderFile, map: `${renderFile}.map`, hash: renderHash },
      sources: p.sources,
      schemas: p.bundle?.schemas ?? { precompiled: 0, dynamic: 0 },
    });
  }
  routes.sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  const { limits, ...rest } = a.site.config;
  const site = { ...rest, limits };
  const buildId = hash16([FORMAT_VERSION, preludeHash, variablesHash, canonical(site), ...routes.map((r) => `${r.slug}:${r.hash}`)].join("\n"));
  const manifest: Manifest = {
    format: "pagec-bundle",
    formatVersion: FORMAT_VERSION,
    compiler: { name: "pagec", version: PAGEC_VERSION },
    buildId,
    createdAt: new Date().toISOString(),
    site,
    v8: opts.codeCache ? opts.v8 ?? null : null,
    prelude: { file: preludeFile, map: null, cache: preludeCache, hash: preludeHash },
    renderLib: { file: `render-lib.${renderLibHash}.js`, hash: renderLibHash },
    variables: { file: `variables.${variablesHash}.json`, hash: variablesHash },
    notFound: a.site.pagesBySlug.has("404") ? "404" : null,
    routes,
  };
  return { manifest, files };
}
