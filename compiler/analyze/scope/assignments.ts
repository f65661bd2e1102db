// The names a template assigns (SPEC §3.6, §3.9.1): what each component's call sites pass, `@set` targets, loop
// variables and literal component-argument keys that are built-ins, `loop` or reserved words (PC2009), and loop
// variables that hide an outer loop variable or an earlier `@set` of the same file (PC2010).
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import { BUILTIN_NAMES, RESERVED_WORDS } from "../../prelude/template-lib/manifest.js";
import type { ParsedTemplate } from "../template-graph.js";
import type { ExpressionCache, LoopVar, TemplateVisitor } from "./template-walk.js";

const RESERVED: ReadonlySet<string> = new Set([...BUILTIN_NAMES, "loop", ...RESERVED_WORDS]);

const reserved = (name: string, start: number, end: number): DiagnosticInit =>
  ({ code: "PC2009", message: `\`${name}\` is a reserved name and cannot be assigned`, start, end });

/** `sets` must be filled in document order by the same walk (setNamesVisitor first), so it holds the earlier `@set`s. */
export function assignmentsVisitor(t: ParsedTemplate, sets: ReadonlyMap<string, number>, found: DiagnosticInit[]): TemplateVisitor {
  const line = (offset: number) => t.lines.position(offset).line + 1;
  return {
    node(n) {
      if (n.kind === "set" && n.name && RESERVED.has(n.name)) found.push(reserved(n.name, n.nameSpan.start, n.nameSpan.end));
    },
    expression({ expr, node }) {
      if (node.kind !== "component" || expr.type !== "Object") return;
      for (const p of expr.properties) if (RESERVED.has(p.key)) found.push(reserved(p.key, p.keyStart, p.keyEnd));
    },
    foreach(n, outer) {
      const vars: LoopVar[] = [];
      if (n.item.name) vars.push({ name: n.item.name, ...n.item.span });
      if (n.key?.name) vars.push({ name: n.key.name, ...n.key.span });
      vars.forEach((v, i) => {
        if (RESERVED.has(v.name)) { found.push(reserved(v.name, v.start, v.end)); return; }
        const hidden = (i === 1 && vars[0].name === v.name ? vars[0] : undefined) ?? outer.lookup(v.name);
        const setAt = sets.get(v.name);
        const definedAt = hidden ? hidden.start : setAt;
        if (definedAt === undefined) return;
        found.push({ code: "PC2010", message: `loop variable \`${v.name}\` hides the \`${v.name}\` defined on line ${line(definedAt)}`, start: v.start, end: v.end });
      });
    },
  };
}

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
