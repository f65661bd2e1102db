// Expression → JavaScript expression text (SPEC §3.4.4). The render code generator provides `$get` (safe
// own-property access), `$f` (the filters) and `$call` (guarded template-function calls). Every composite
// sub-expression is parenthesised, so JavaScript precedence can never regroup what the parser built.
import type { Expr, Identifier } from "./ast.js";
import { FILTERS, FORBIDDEN_PROPERTIES } from "../prelude/template-lib/manifest.js";

export { isRawOutput } from "./check-filters.js";

/** Removes every trailing `| raw` (the caller then writes the value without escaping). */
export function stripTrailingRaw(e: Expr): Expr {
  let cur = e;
  while (cur.type === "Filter" && cur.name === "raw") cur = cur.input;
  return cur;
}

// A name followed by `.name`, `["string"]` or `[digits]` steps is a primary expression: no parentheses needed.
const SIMPLE = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\\n]|\\.)*")\])*$/;

export function compileExpression(expr: Expr, resolve: (id: Identifier) => string): string {
  const c = (e: Expr): string => {
    switch (e.type) {
      case "Literal":
        if (typeof e.value === "number") return Number.isFinite(e.value) ? String(e.value) : "(1/0)";
        return JSON.stringify(e.value);
      case "Identifier": {
        const js = resolve(e);
        return SIMPLE.test(js) ? js : `(${js})`;
      }
      case "Member":
        // Literal names were checked against the forbidden list at compile time: the lean accessor suffices.
        return e.computed ? `$get(${c(e.object)}, ${c(e.property)})` : `$prop(${c(e.object)}, ${JSON.stringify((e.property as Identifier).name)})`;
      case "Call":
        return `$call(${JSON.stringify(e.callee.name)}, ${e.start}, [${e.args.map(c).join(", ")}])`;
      case "Array":
        return `[${e.elements.map(c).join(", ")}]`;
      case "Object":
        // A literal `"__proto__": v` would set the prototype; the computed form defines an own property.
        return `({${e.properties.map((p) => `${p.key === "__proto__" ? `[${JSON.stringify(p.key)}]` : JSON.stringify(p.key)}: ${c(p.value)}`).join(", ")}})`;
      case "Unary":
        return `(${e.operator}${c(e.argument)})`;
      case "Binary":
      case "Logical":
        return `(${c(e.left)} ${e.operator} ${c(e.right)})`;
      case "Conditional":
        return `(${c(e.test)} ? ${c(e.consequent)} : ${c(e.alternate)})`;
      case "Filter": {
        const input = c(e.input);
        // `raw` is the identity; its only effect (no escaping) is decided by the caller via isRawOutput.
        if (e.name === "raw") return input;
        // Unknown filters are compile errors; never index `$f` with a name the table does not own.
        if (!Object.hasOwn(FILTERS, e.name) || FORBIDDEN_PROPERTIES.includes(e.name)) return "(void 0)";
        return `$f.${e.name}(${[input, ...e.args.map(c)].join(", ")})`;
      }
    }
  };
  return c(expr);
}
