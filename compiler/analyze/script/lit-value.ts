// Turns acorn argument nodes into the literal descriptions the CRM rules read (crm-rules.ts), with file offsets.
import type * as acorn from "acorn";
import type { ParsedUnit } from "../../bundle/index.js";
import { fileRange, fileText, staticString, type AnyNode } from "./ast-util.js";
import type { LitValue } from "./crm-rules.js";

/** `free` tells whether an identifier is the global (so `undefined`, `NaN`, `Infinity` are the built-ins). */
export function litValue(u: ParsedUnit, n: AnyNode, free: Set<acorn.Identifier>): LitValue {
  const base = { ...fileRange(u, n), text: fileText(u, n) };
  switch (n.type) {
    case "SpreadElement": return { ...base, kind: "spread" };
    case "Literal":
      if (typeof n.value === "string") return { ...base, kind: "string", value: n.value, quote: u.code[n.start] };
      if (typeof n.value === "number") return { ...base, kind: "number", value: n.value };
      if (typeof n.value === "boolean") return { ...base, kind: "boolean" };
      if (n.value === null && !("regex" in n && n.regex)) return { ...base, kind: "null" };
      return { ...base, kind: "regexp" };
    case "TemplateLiteral": {
      const s = staticString(n);
      return s === null ? { ...base, kind: "template" } : { ...base, kind: "string", value: s, quote: "`" };
    }
    case "Identifier":
      if (free.has(n) && n.name === "undefined") return { ...base, kind: "undefined" };
      if (free.has(n) && (n.name === "NaN" || n.name === "Infinity")) return { ...base, kind: "number", value: n.name === "NaN" ? NaN : Infinity };
      return { ...base, kind: "other" };
    case "UnaryExpression":
      if (n.operator === "-" && n.argument.type === "Literal" && typeof n.argument.value === "number") return { ...base, kind: "number", value: -n.argument.value };
      if (n.operator === "-" && n.argument.type === "Identifier" && free.has(n.argument) && n.argument.name === "Infinity") return { ...base, kind: "number", value: -Infinity };
      return { ...base, kind: "other" };
    case "ArrayExpression":
      return { ...base, kind: "array", elements: n.elements.filter((e): e is NonNullable<typeof e> => e !== null).map((e) => litValue(u, e, free)) };
    case "ObjectExpression": {
      let complete = true;
      const props: { key: string; value: LitValue }[] = [];
      for (const p of n.properties) {
        if (p.type === "SpreadElement" || p.computed) { complete = false; continue; }
        const key = p.key.type === "Identifier" ? p.key.name : p.key.type === "Literal" ? String(p.key.value) : null;
        if (key === null) { complete = false; continue; }
        props.push({ key, value: litValue(u, p.value, free) });
      }
      return { ...base, kind: "object", props, complete };
    }
    default: return { ...base, kind: "other" };
  }
}
