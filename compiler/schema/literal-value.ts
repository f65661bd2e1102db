// Compile-time values of the literal arguments a static schema may use (SPEC §8.7): strings, numbers,
// booleans, null, regular-expression literals, and array or object literals of these.
import type * as acorn from "acorn";

export type LiteralResult = { ok: true; value: unknown } | { ok: false };

const NO: LiteralResult = { ok: false };

function numeric(node: acorn.Node): number | undefined {
  const lit = node as acorn.Literal;
  return lit.type === "Literal" && typeof lit.value === "number" ? lit.value : undefined;
}

/** Property key text of a non-computed key, or undefined. `__proto__` is refused: it sets the prototype. */
export function staticKey(p: acorn.Property): string | undefined {
  if (p.computed) return undefined;
  let key: string | undefined;
  if (p.key.type === "Identifier") key = p.key.name;
  else if (p.key.type === "Literal" && (typeof p.key.value === "string" || typeof p.key.value === "number")) key = String(p.key.value);
  return key === "__proto__" ? undefined : key;
}

export function literalValue(node: acorn.Node): LiteralResult {
  switch (node.type) {
    case "Literal": {
      const lit = node as acorn.Literal;
      if (lit.regex) {
        try {
          return { ok: true, value: new RegExp(lit.regex.pattern, lit.regex.flags) };
        } catch {
          return NO;
        }
      }
      const v = lit.value;
      return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? { ok: true, value: v } : NO;
    }
    case "UnaryExpression": {
      const u = node as acorn.UnaryExpression;
      const n = numeric(u.argument);
      if (n === undefined || (u.operator !== "-" && u.operator !== "+")) return NO;
      return { ok: true, value: u.operator === "-" ? -n : n };
    }
    case "TemplateLiteral": {
      const t = node as acorn.TemplateLiteral;
      const cooked = t.quasis[0]?.value.cooked;
      return t.expressions.length === 0 && typeof cooked === "string" ? { ok: true, value: cooked } : NO;
    }
    case "ArrayExpression": {
      const out: unknown[] = [];
      for (const el of (node as acorn.ArrayExpression).elements) {
        if (el === null || el.type === "SpreadElement") return NO;
        const r = literalValue(el);
        if (!r.ok) return NO;
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
    case "ObjectExpression": {
      const out: Record<string, unknown> = {};
      for (const p of (node as acorn.ObjectExpression).properties) {
        if (p.type !== "Property" || p.kind !== "init" || p.method || p.shorthand) return NO;
        const key = staticKey(p);
        if (key === undefined) return NO;
        const r = literalValue(p.value);
        if (!r.ok) return NO;
        out[key] = r.value;
      }
      return { ok: true, value: out };
    }
    default:
      return NO;
  }
}
