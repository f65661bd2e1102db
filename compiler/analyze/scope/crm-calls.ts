// The CRM call checks of SPEC §4.5.3 on template calls of the read functions (GetCrmEntries, GetCrmField,
// GetCrmFields, GetCrmFieldValues; §3.8), sharing the rules with backend scripts (script/crm-rules.ts).
import { walk } from "../../expr/index.js";
import type { Expr } from "../../expr/ast.js";
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import { TEMPLATE_CRM_READS } from "../../prelude/template-lib/manifest.js";
import type { CrmEntity } from "../../site/site-config.js";
import { checkCrmCall, type LitValue } from "../script/index.js";
import type { ParsedTemplate } from "../template-graph.js";
import type { TemplateVisitor } from "./template-walk.js";

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
