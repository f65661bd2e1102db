// Tree walking for the analysis: children of a node, free identifier uses with their static member paths
// (`var.a.b` → var, a, b), so name resolution (PC2001–PC2003, PC2011) can live outside this folder.
import type { Expr, Identifier } from "./ast.js";

/** One step of a static member path. `node` is the Identifier or Member whose range covers the path so far. */
export interface PathSegment { name: string; start: number; end: number; node: Expr }

/** Direct sub-expressions, in source order. Object keys and non-computed property names are not expressions. */
export function children(e: Expr): Expr[] {
  switch (e.type) {
    case "Literal": case "Identifier": return [];
    case "Member": return e.computed ? [e.object, e.property] : [e.object];
    case "Call": return e.args;
    case "Array": return e.elements;
    case "Object": return e.properties.map((p) => p.value);
    case "Unary": return [e.argument];
    case "Binary": case "Logical": return [e.left, e.right];
    case "Conditional": return [e.test, e.consequent, e.alternate];
    case "Filter": return [e.input, ...e.args];
  }
}

/** Calls `visit` on every node, parents before children. */
export function walk(e: Expr, visit: (node: Expr, parent: Expr | null) => void, parent: Expr | null = null): void {
  visit(e, parent);
  for (const c of children(e)) walk(c, visit, e);
}

/** The property of a member step as a static name, when it is one (`.b`, `["b"]`, `[0]`). */
function staticName(m: Expr & { type: "Member" }): { name: string; start: number; end: number } | null {
  const p = m.property;
  if (!m.computed && p.type === "Identifier") return { name: p.name, start: p.start, end: p.end };
  if (p.type === "Literal" && (typeof p.value === "string" || typeof p.value === "number")) return { name: String(p.value), start: p.start, end: p.end };
  return null;
}

/** Unwinds a member chain: its root expression and the steps from the root outwards. */
function unwind(e: Expr): { root: Expr; steps: (Expr & { type: "Member" })[] } {
  const steps: (Expr & { type: "Member" })[] = [];
  let cur = e;
  while (cur.type === "Member") { steps.unshift(cur); cur = cur.object; }
  return { root: cur, steps };
}

/** The longest static path of a chain rooted at an identifier: `var.a[i].b` → var, a. Null for other roots. */
function staticPrefix(e: Expr): PathSegment[] | null {
  const { root, steps } = unwind(e);
  if (root.type !== "Identifier") return null;
  const path: PathSegment[] = [{ name: root.name, start: root.start, end: root.end, node: root }];
  for (const m of steps) {
    const s = staticName(m);
    if (!s) break;
    path.push({ ...s, node: m });
  }
  return path;
}

/** `var.a.b` (or `var["a"].b`) → segments var, a, b with their ranges; null unless the whole chain is static. */
export function memberPath(e: Expr): PathSegment[] | null {
  const path = staticPrefix(e);
  return path && path.length === unwind(e).steps.length + 1 ? path : null;
}

/** The path as written for messages: `request.body.email`, `var["a-b"]`. */
export function pathText(path: PathSegment[]): string {
  return path.map((s, i) => (i === 0 ? s.name : /^[A-Za-z_$][\w$]*$/.test(s.name) ? `.${s.name}` : `[${JSON.stringify(s.name)}]`)).join("");
}

/**
 * Calls `cb` for every free identifier use: identifiers read as values, including shorthand object values,
 * but not callee names, filter names, object keys or property names. `path` is the longest static member
 * path that starts at the identifier (at least the identifier itself).
 */
export function visitIdentifiers(expr: Expr, cb: (id: Identifier, path: PathSegment[]) => void): void {
  const visit = (e: Expr): void => {
    if (e.type === "Identifier") { cb(e, [{ name: e.name, start: e.start, end: e.end, node: e }]); return; }
    if (e.type === "Member") {
      const { root, steps } = unwind(e);
      if (root.type === "Identifier") cb(root, staticPrefix(e) ?? []);
      else visit(root);
      for (const m of steps) if (m.computed) visit(m.property);
      return;
    }
    for (const c of children(e)) visit(c);
  };
  visit(expr);
}
