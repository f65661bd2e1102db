// What the call sites of each component pass (SPEC §3.9.1, §7.1): the literal argument keys, and whether any
// call site passes something other than an object literal (then the component's arguments are unknown).
import type { ParsedTemplate } from "../template-graph.js";
import type { ExpressionCache, TemplateVisitor } from "./template-walk.js";

export interface ComponentArgs { keys: Set<string>; unknown: boolean }

/** Adds the call sites of one template to `out`. */
export function componentArgsVisitor(t: ParsedTemplate, cache: ExpressionCache, out: Map<string, ComponentArgs>): TemplateVisitor {
  return {
    node(n) {
      if (n.kind !== "component") return;
      const code = n.code.replace(/\.ef$/, "");
      let entry = out.get(code);
      if (!entry) { entry = { keys: new Set(), unknown: false }; out.set(code, entry); }
      if (!n.args || n.args.text.trim() === "") return;
      const e = cache.get(t, n.args);
      if (e?.type === "Object") for (const p of e.properties) entry.keys.add(p.key);
      else entry.unknown = true;
    },
  };
}
