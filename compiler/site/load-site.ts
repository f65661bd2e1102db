// Reads a site directory (SPEC §2.1): pages, components, scripts, site.json, variables.json. Never throws on
// content: unreadable files, bad paths and duplicate slugs become diagnostics. `overlays` supplies unsaved text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { invalidPathReason, routeFor, checkRoutes, type Route } from "./routes.js";
import { resolveSiteJson, resolveVariables, type ResolvedSite } from "./site-config.js";

export interface Site {
  root: string;
  /** Site-relative path → text (BOM removed). Only readable files are here. */
  files: Map<string, string>;
  pages: Route[];
  /** slug → file */
  pagesBySlug: Map<string, string>;
  /** component code → file */
  components: Map<string, string>;
  /** module code → file */
  modules: Map<string, string>;
  config: ResolvedSite;
  variables: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

const MAX_FILE_BYTES = 1024 * 1024;
const decoder = new TextDecoder("utf-8", { fatal: true });

function walk(dir: string, rel: string, out: string[]) {
  let names: string[];
  try { names = readdirSync(dir).sort(); } catch { return; }
  for (const name of names) {
    if (name.startsWith(".") || name === "node_modules" || name === "dist") continue;
    const abs = join(dir, name);
    let st;
    try { st = statSync(abs); } catch { continue; }
    const r = rel ? `${rel}/${name}` : name;
    if (st.isDirectory()) walk(abs, r, out);
    else if (st.isFile()) out.push(r);
  }
}

function decode(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): string | null {
  if (bytes.length > MAX_FILE_BYTES) { diagnostics.push(fileDiagnostic(file, "PC5013", `\`${file}\` is larger than 1 MiB`)); return null; }
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    diagnostics.push(fileDiagnostic(file, "PC5013", `\`${file}\` is not valid UTF-8`));
    return null;
  }
}

const TEMPLATE_EXT = /\.(ef|html)$/;

export function loadSite(siteDir: string, overlays: Record<string, string> = {}): Site {
  const root = resolve(siteDir);
  const diagnostics: Diagnostic[] = [];
  const all: string[] = [];
  walk(root, "", all);
  for (const p of Object.keys(overlays)) if (!all.includes(p)) all.push(p);
  all.sort();
  const files = new Map<string, string>();
  const read = (rel: string): string | null => {
    if (rel in overlays) return overlays[rel].charCodeAt(0) === 0xfeff ? overlays[rel].slice(1) : overlays[rel];
    try { return decode(rel, readFileSync(join(root, rel)), diagnostics); } catch { return null; }
  };
  const pages: Route[] = [];
  const pagesBySlug = new Map<string, string>();
  const components = new Map<string, string>();
  const modules = new Map<string, string>();
  for (const rel of all) {
    const [top, ...rest] = rel.split("/");
    const inner = rest.join("/");
    let kind: "page" | "component" | "module" | null = null;
    let code = "";
    if (top === "pages" && TEMPLATE_EXT.test(inner)) { kind = "page"; code = inner.replace(TEMPLATE_EXT, ""); }
    else if (top === "components" && TEMPLATE_EXT.test(inner)) { kind = "component"; code = inner.replace(TEMPLATE_EXT, ""); }
    else if (top === "scripts" && inner.endsWith(".js")) { kind = "module"; code = inner.slice(0, -3); }
    else if (rel === "site.json" || rel === "variables.json") { const t = read(rel); if (t !== null) files.set(rel, t); continue; }
    if (!kind) continue;
    const text = read(rel);
    if (text === null) continue;
    files.set(rel, text);
    // The reserved prefix is its own error (PC5012), checked before the segment rules that would also reject it.
    if (kind === "page" && code.split("/")[0].startsWith("__pagec")) { diagnostics.push(fileDiagnostic(rel, "PC5012", "slugs starting with `__pagec` are reserved")); continue; }
    const reason = invalidPathReason(code, kind === "page");
    if (reason) { diagnostics.push(fileDiagnostic(rel, "PC5004", `\`${rel}\` is not a valid ${kind} path: ${reason}`)); continue; }
    if (kind === "page") {
      const prev = pagesBySlug.get(code);
      if (prev) { diagnostics.push(fileDiagnostic(rel, "PC5005", `slug \`${code}\` is defined by both ${prev} and ${rel}`)); continue; }
      pagesBySlug.set(code, rel);
      pages.push(routeFor(code, rel));
    } else if (kind === "component") {
      const prev = components.get(code);
      if (prev) { diagnostics.push(fileDiagnostic(rel, "PC5005", `slug \`${code}\` is defined by both ${prev} and ${rel}`)); continue; }
      components.set(code, rel);
    } else modules.set(code, rel);
  }
  diagnostics.push(...checkRoutes(pages));
  const cfg = resolveSiteJson("site.json", files.get("site.json") ?? null, basename(root));
  const vars = resolveVariables("variables.json", files.get("variables.json") ?? null);
  diagnostics.push(...cfg.diagnostics, ...vars.diagnostics);
  pages.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { root, files, pages, pagesBySlug, components, modules, config: cfg.site, variables: vars.variables, diagnostics };
}
