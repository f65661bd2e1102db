// Decides whether a schema expression is static (SPEC §8.7) and, if so, builds it at compile time with the
// prelude's own `Schema` — so precompiled code starts from exactly the spec the sandbox would build.
// Anything the runtime would reject (a TypeError from a method) is left dynamic: it fails at run time as usual.
import type * as acorn from "acorn";
import { Schema } from "../prelude/schema/index.js";
import type { AstIndex } from "./ast-index.js";
import { chainSteps } from "./chains.js";
import { literalValue, staticKey } from "./literal-value.js";

type Built = Record<string, unknown>;

/** Memoised static evaluation of the schema expressions of one file. */
export class StaticEvaluator {
  private readonly memo = new Map<acorn.Node, Built | null>();
  private readonly active = new Set<acorn.Node>();

  constructor(private readonly index: AstIndex) {}

  /** The compile-time schema object of a maximal chain, or undefined when it is dynamic. */
  evaluate(chain: acorn.Node): Built | undefined {
    const known = this.memo.get(chain);
    if (known !== undefined) return known ?? undefined;
    if (this.active.has(chain)) return undefined; // a const cycle: TDZ error at run time, so leave it dynamic
    this.active.add(chain);
    let built: Built | undefined;
    try {
      built = this.build(chain);
    } catch {
      built = undefined; // the runtime builder threw (TypeError): the same happens at run time
    }
    this.active.delete(chain);
    this.memo.set(chain, built ?? null);
    return built;
  }

  /** A schema argument: a nested schema expression or a `const` bound to one in this file. */
  private schemaArg(node: acorn.Node | undefined): Built | undefined {
    if (!node) return undefined;
    if (node.type === "Identifier") {
      const name = (node as acorn.Identifier).name;
      const binding = this.index.consts.get(name);
      if (!binding || this.index.declarations.get(name) !== 1) return undefined;
      if (node.start < binding.scope.start || node.end > binding.scope.end) return undefined;
      return chainSteps(binding.init) ? this.evaluate(binding.init) : undefined;
    }
    return chainSteps(node) ? this.evaluate(node) : undefined;
  }

  private build(chain: acorn.Node): Built | undefined {
    const steps = chainSteps(chain);
    if (!steps) return undefined;
    const [root, ...methods] = steps;
    let current = this.construct(root.name, root.call);
    for (const step of methods) {
      if (!current) return undefined;
      const args = this.methodArgs(step.name, step.call);
      const fn = current[step.name];
      if (!args || typeof fn !== "function") return undefined;
      current = fn.apply(current, args) as Built;
    }
    return current;
  }

  private construct(ctor: string, call: acorn.CallExpression): Built | undefined {
    const args = call.arguments;
    if (ctor !== "object" || args.length === 0) {
      return args.length === 0 ? (Schema as unknown as Record<string, () => Built>)[ctor]() : undefined;
    }
    const shapeNode = args[0];
    if (args.length !== 1 || shapeNode.type !== "ObjectExpression") return undefined;
    const shape: Record<string, unknown> = {};
    for (const p of shapeNode.properties) {
      if (p.type !== "Property" || p.kind !== "init" || p.method) return undefined;
      const key = staticKey(p);
      const value = this.schemaArg(p.value);
      if (key === undefined || value === undefined) return undefined;
      shape[key] = value;
    }
    return Schema.object(shape) as unknown as Built;
  }

  private methodArgs(name: string, call: acorn.CallExpression): unknown[] | undefined {
    if (name === "custom") return undefined;
    if (call.arguments.some((a) => a.type === "SpreadElement")) return undefined;
    if (name === "items" || name === "pattern_values") {
      const rule = this.schemaArg(call.arguments[0]);
      return rule && call.arguments.length === 1 ? [rule] : undefined;
    }
    const values: unknown[] = [];
    for (const a of call.arguments) {
      const r = literalValue(a);
      if (!r.ok) return undefined;
      values.push(r.value);
    }
    return values;
  }
}
