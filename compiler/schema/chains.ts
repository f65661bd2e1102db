// Finds schema expressions: `Schema.<ctor>(…)` followed by chained schema-method calls (SPEC §8.7).
// A chain ends at the first call that is not a schema method (`.validate(…)`, an unknown name, `?.`).
import type * as acorn from "acorn";
import type { AstIndex } from "./ast-index.js";

export const CONSTRUCTORS = new Set(["string", "number", "boolean", "array", "object", "any"]);

export const METHODS = new Set([
  "required", "optional", "default", "label", "valid", "strip", "custom",
  "min", "max", "email", "url", "pattern", "lowercase", "integer", "positive", "negative",
  "items", "pattern_values",
]);

/** One call of a chain: the constructor or a method, with its name and the call node. */
export interface ChainStep {
  name: string;
  call: acorn.CallExpression;
  /** Start of the method name, so a diagnostic covers `max(5)` rather than the whole chain. */
  nameStart: number;
}

function plainMember(call: acorn.CallExpression): acorn.MemberExpression | undefined {
  const callee = call.callee;
  if (call.optional || callee.type !== "MemberExpression" || callee.computed || callee.optional) return undefined;
  return callee.property.type === "Identifier" ? callee : undefined;
}

/** The steps of the chain ending at `node` (root first), or undefined if `node` is not a chain link. */
export function chainSteps(node: acorn.Node): ChainStep[] | undefined {
  const steps: ChainStep[] = [];
  let cur: acorn.Node = node;
  for (;;) {
    if (cur.type !== "CallExpression") return undefined;
    const call = cur as acorn.CallExpression;
    const member = plainMember(call);
    if (!member) return undefined;
    const name = (member.property as acorn.Identifier).name;
    steps.push({ name, call, nameStart: member.property.start });
    if (member.object.type === "Identifier" && member.object.name === "Schema") {
      if (!CONSTRUCTORS.has(name)) return undefined;
      return steps.reverse();
    }
    if (!METHODS.has(name)) return undefined;
    cur = member.object;
  }
}

/**
 * Every maximal schema expression of the file, in source order. Empty when the file declares its own
 * `Schema` anywhere: then `Schema` may not be the global.
 */
export function findChains(index: AstIndex): acorn.CallExpression[] {
  if (index.declarations.has("Schema")) return [];
  const links = new Set<acorn.Node>();
  for (const n of index.nodes) if (n.type === "CallExpression" && chainSteps(n)) links.add(n);
  const out: acorn.CallExpression[] = [];
  for (const n of links) {
    const parent = index.parents.get(n);
    const grand = parent ? index.parents.get(parent) : undefined;
    const continues = parent?.type === "MemberExpression" && (parent as acorn.MemberExpression).object === n &&
      grand !== undefined && links.has(grand) && (grand as acorn.CallExpression).callee === parent;
    if (!continues) out.push(n as acorn.CallExpression);
  }
  return out.sort((a, b) => a.start - b.start);
}
