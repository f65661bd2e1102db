// Small helpers over acorn's ESTree nodes shared by the script checks: generic child iteration (so no node
// type is missed), literal reading, and the mapping of a node's code range back to file offsets.
import type * as acorn from "acorn";
import type { ParsedUnit } from "../../bundle/index.js";

export type AnyNode = acorn.AnyNode;
const SKIP = new Set(["type", "start", "end", "loc", "range", "regex", "raw", "value", "bigint"]);

/** Calls `cb` for every direct child node, in source order. */
export function forEachChild(node: AnyNode, cb: (child: AnyNode, key: string) => void): void {
  const rec = node as unknown as Record<string, unknown>;
  for (const key in rec) {
    if (SKIP.has(key) && !(key === "value" && node.type !== "Literal")) continue;
    const v = rec[key];
    if (Array.isArray(v)) { for (const c of v) if (isNode(c)) cb(c, key); }
    else if (isNode(v)) cb(v, key);
  }
}

function isNode(v: unknown): v is AnyNode {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}

/** Walks every node, parents before children, with the parent at hand. */
export function walkWithParent(root: AnyNode, visit: (node: AnyNode, parent: AnyNode | null) => void): void {
  const stack: [AnyNode, AnyNode | null][] = [[root, null]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    const kids: AnyNode[] = [];
    forEachChild(node, (c) => kids.push(c));
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], node]);
  }
}

/** The value of a string literal or of a template literal without substitutions; null otherwise. */
export function staticString(n: AnyNode | undefined | null): string | null {
  if (!n) return null;
  if (n.type === "Literal" && typeof n.value === "string") return n.value;
  if (n.type === "TemplateLiteral" && n.expressions.length === 0) return n.quasis[0].value.cooked ?? null;
  return null;
}

/** A numeric literal, also negated (`-1`); null otherwise. */
export function staticNumber(n: AnyNode | undefined | null): number | null {
  if (!n) return null;
  if (n.type === "Literal" && typeof n.value === "number") return n.value;
  if (n.type === "UnaryExpression" && n.operator === "-" && n.argument.type === "Literal" && typeof n.argument.value === "number") return -n.argument.value;
  return null;
}

/** File offsets of a node of a parsed unit or module. */
export function fileRange(u: ParsedUnit, n: { start: number; end: number }): { start: number; end: number } {
  return { start: u.toFileOffset(n.start), end: u.toFileOffset(n.end) };
}

/** The source text of a node as written in the file, or null when it spans two script blocks. */
export function fileText(u: ParsedUnit, n: { start: number; end: number }): string | null {
  const r = fileRange(u, n);
  return r.end - r.start === n.end - n.start ? u.text.slice(r.start, r.end) : null;
}

/** `callee` is a plain identifier call `name(...)`. */
export function calleeName(call: acorn.CallExpression): acorn.Identifier | null {
  return call.callee.type === "Identifier" ? call.callee : null;
}

/** `obj.method(...)` with a plain identifier object and a non-computed property. */
export function memberCall(call: acorn.CallExpression): { object: acorn.Identifier; method: string } | null {
  const c = call.callee;
  if (c.type !== "MemberExpression" || c.computed || c.object.type !== "Identifier" || c.property.type !== "Identifier") return null;
  return { object: c.object, method: c.property.name };
}
