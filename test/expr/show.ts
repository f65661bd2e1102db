// Test helper: a compact s-expression view of an expression tree, so grammar tests read like the spec.
import type { Expr } from "../../compiler/expr/ast.js";

export function show(e: Expr): string {
  switch (e.type) {
    case "Literal": return JSON.stringify(e.value);
    case "Identifier": return e.name;
    case "Member": return e.computed ? `([] ${show(e.object)} ${show(e.property)})` : `(. ${show(e.object)} ${show(e.property)})`;
    case "Call": return `(call ${e.callee.name}${e.args.map((a) => " " + show(a)).join("")})`;
    case "Array": return `[${e.elements.map(show).join(", ")}]`;
    case "Object": return `{${e.properties.map((p) => `${JSON.stringify(p.key)}${p.shorthand ? "" : ": " + show(p.value)}`).join(", ")}}`;
    case "Unary": return `(${e.written} ${show(e.argument)})`;
    case "Binary": case "Logical": return `(${e.operator} ${show(e.left)} ${show(e.right)})`;
    case "Conditional": return `(? ${show(e.test)} ${show(e.consequent)} ${show(e.alternate)})`;
    case "Filter": return `(|${e.name} ${show(e.input)}${e.args.map((a) => " " + show(a)).join("")})`;
  }
}
