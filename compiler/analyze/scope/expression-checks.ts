// Per-file checks on template expressions: output tags in `<script>`/`<style>` raw text (PC1062, SPEC §3.5) and
// the CRM call checks of SPEC §4.5.3 on template calls of GetCrmEntries/GetCrmField/GetCrmFields/GetCrmFieldValues
// (§3.8), which share their rules with backend scripts (script/crm-rules.ts).
import { walk } from "../../expr/index.js";
import type { Expr } from "../../expr/ast.js";
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import { TEMPLATE_CRM_READS } from "../../prelude/template-lib/manifest.js";
import type { CrmEntity } from "../../site/site-config.js";
import { checkCrmCall, type LitValue } from "../script/index.js";
import type { ParsedTemplate } from "../template-graph.js";
import type { TemplateVisitor } from "./template-walk.js";

const endsInJsonRaw = (e: Expr) => e.type === "Filter" && e.name === "raw" && e.input.type === "Filter" && e.input.name === "json";

export function outputContextVisitor(out: DiagnosticInit[]): TemplateVisitor {
  return {
    expression({ expr, node }) {
      if (node.kind !== "output" || node.context.kind !== "raw-text" || endsInJsonRaw(expr)) return;
      out.push({
        code: "PC1062",
        message: `inside \`<${node.context.element}>\`, HTML escaping does not protect the value; write \`{{ … | json | raw }}\``,
        start: node.span.start, end: node.span.end,
      });
    },
  };
}

function litValue(t: ParsedTemplate, e: Expr): LitValue {
  const base = { start: e.start, end: e.end, text: t.text.slice(e.start, e.end) };
  switch (e.type) {
    case "Literal":
      if (typeof e.value === "string") return { ...base, kind: "string", value: e.value, quote: t.text[e.start] };
      if (typeof e.value === "number") return { ...base, kind: "number", value: e.value };
      return { ...base, kind: e.value === null ? "null" : "boolean" };
    case "Array": return { ...base, kind: "array", elements: e.elements.map((x) => litValue(t, x)) };
    case "Object": return { ...base, kind: "object", complete: true, props: e.properties.map((p) => ({ key: p.key, value: litValue(t, p.value) })) };
    default: return { ...base, kind: "other" };
  }
}

export function crmCallsVisitor(t: ParsedTemplate, entities: CrmEntity[], found: DiagnosticInit[]): TemplateVisitor {
  return {
    expression({ expr }) {
      walk(expr, (n) => {
        if (n.type !== "Call" || !Object.hasOwn(TEMPLATE_CRM_READS, n.callee.name)) return;
        const fn = TEMPLATE_CRM_READS[n.callee.name];
        checkCrmCall({ written: n.callee.name, fn, start: n.start, end: n.end, args: n.args.map((a) => litValue(t, a)) }, entities, found);
      });
    },
  };
}
