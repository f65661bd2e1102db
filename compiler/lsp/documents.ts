// Which editor documents belong to a pagec site (SPEC §7.7) and where that site's root is: URIs ⇄ site-relative paths.
import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The nearest ancestor of a file with site.json or pages/ (as `pagec check` does), or null. */
export function siteRootOf(absFile: string): string | null {
  let dir = dirname(absFile);
  for (;;) {
    if (existsSync(resolve(dir, "site.json")) || isDir(resolve(dir, "pages"))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function isDir(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try { return fileURLToPath(uri); } catch { return null; }
}

export function pathToUri(abs: string): string {
  return pathToFileURL(abs).href;
}

/** Site-relative path with "/" separators. */
export function siteRelative(root: string, abs: string): string {
  return relative(root, abs).split(sep).join("/");
}

/** SPEC §7.7: documents under pages/, components/ and scripts/, plus site.json and variables.json. */
export function isSiteDocument(rel: string): boolean {
  if (rel === "site.json" || rel === "variables.json") return true;
  if (rel.startsWith("../")) return false;
  return /^(pages|components)\/.+\.(ef|html)$/.test(rel) || /^scripts\/.+\.js$/.test(rel);
}

export type DocumentKind = "template" | "module" | "json";
export function documentKind(rel: string): DocumentKind {
  if (rel.endsWith(".json")) return "json";
  return rel.startsWith("scripts/") ? "module" : "template";
}
