// PC1043 (SPEC §3.9.2): a child's top-level `@block` whose name no layout further out in the chain defines
// (as `@block` or `@yield`) is never shown.
import { makeDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Node } from "../../template/ast.js";
import type { ParsedTemplate } from "../template-graph.js";

/** Block and yield names anywhere in a template. */
function definedNames(t: ParsedTemplate): Set<string> {
  const out = new Set<string>();
  const stack: Node[][] = [t.ast.nodes];
  while (stack.length) {
    for (const n of stack.pop()!) {
      if (n.kind === "block") { out.add(n.name); stack.push(n.body); }
      else if (n.kind === "yield") out.add(n.name);
      else if (n.kind === "foreach") stack.push(n.body);
      else if (n.kind === "if") for (const b of n.branches) stack.push(b.body);
    }
  }
  return out;
}

/** `chain` is the page followed by its resolved layouts, child first. */
export function checkLayoutBlocks(chain: ParsedTemplate[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const defined = chain.map(definedNames);
  for (let i = 0; i + 1 < chain.length; i++) {
    const t = chain[i];
    const slug = t.ast.extends?.slug.replace(/\.ef$/, "");
    if (slug === undefined) continue;
    for (const n of t.ast.nodes) {
      if (n.kind !== "block" || !n.name || defined.slice(i + 1).some((d) => d.has(n.name))) continue;
      out.push(makeDiagnostic(t.file, t.lines, {
        code: "PC1043", message: `block \`${n.name}\` does not exist in layout \`${slug}\` and is never shown`, start: n.nameSpan.start, end: n.nameSpan.end,
      }));
    }
  }
  return out;
}
