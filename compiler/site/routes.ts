// Slugs and routes (SPEC §2.2, §2.3): path validation, duplicate slugs, wildcard shape and ambiguity.
import { fileDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface Route {
  slug: string;
  file: string;
  kind: "exact" | "wildcard";
  prefix: string[];
  params: string[];
}

const LITERAL = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;
const PLACEHOLDER = /^\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** Validates a page slug / component or module code; returns the reason it is invalid, or null. */
export function invalidPathReason(code: string, allowPlaceholders: boolean): string | null {
  for (const seg of code.split("/")) {
    if (LITERAL.test(seg)) continue;
    if (PLACEHOLDER.test(seg)) { if (allowPlaceholders) continue; return `placeholders such as \`${seg}\` are only allowed in page paths`; }
    return `segment \`${seg}\` must match ^[A-Za-z0-9][A-Za-z0-9._~-]*$${allowPlaceholders ? " or be a {placeholder}" : ""}`;
  }
  return null;
}

export function routeFor(slug: string, file: string): Route {
  const segs = slug.split("/");
  const first = segs.findIndex((s) => PLACEHOLDER.test(s));
  if (first < 0) return { slug, file, kind: "exact", prefix: [], params: [] };
  return { slug, file, kind: "wildcard", prefix: segs.slice(0, first), params: segs.filter((s) => PLACEHOLDER.test(s)).map((s) => s.slice(1, -1)) };
}

/** Route-level checks across all pages: PC5006, PC5007, PC5011. Routes must be sorted by file path. */
export function checkRoutes(routes: Route[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byShape = new Map<string, Route>();
  for (const r of routes) {
    const segs = r.slug.split("/");
    if (r.kind !== "wildcard") continue;
    const seen = new Set<string>();
    for (const p of r.params) {
      if (seen.has(p)) out.push(fileDiagnostic(r.file, "PC5011", `placeholder \`${p}\` appears twice in route \`${r.slug}\``));
      seen.add(p);
    }
    if (r.prefix.length === 0) out.push(fileDiagnostic(r.file, "PC5007", `route \`${r.slug}\` starts with a placeholder and never matches`));
    else {
      const after = segs.slice(r.prefix.length).find((s) => !PLACEHOLDER.test(s));
      if (after) out.push(fileDiagnostic(r.file, "PC5007", `in route \`${r.slug}\`, the literal segment \`${after}\` after a placeholder is ignored when matching`));
    }
    const shape = `${r.prefix.join("/")}#${r.params.length}`;
    const other = byShape.get(shape);
    if (other) out.push(fileDiagnostic(r.file, "PC5006", `routes \`${other.slug}\` and \`${r.slug}\` match the same URLs`));
    else byShape.set(shape, r);
  }
  return out;
}
