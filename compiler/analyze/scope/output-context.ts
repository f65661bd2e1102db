// PC1062 (SPEC §3.5 output contexts): an output tag inside `<script>` or `<style>` raw text is only safe as
// `{{ … | json | raw }}`, because HTML escaping does not protect JavaScript or CSS.
import { makeDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Expr } from "../../expr/ast.js";
import type { ParsedTemplate } from "../template-graph.js";
import { walkTemplate, type ExpressionCache } from "./template-walk.js";

const endsInJsonRaw = (e: Expr) => e.type === "Filter" && e.name === "raw" && e.input.type === "Filter" && e.input.name === "json";

export function checkOutputContexts(t: ParsedTemplate, cache: ExpressionCache): Diagnostic[] {
  const out: Diagnostic[] = [];
  walkTemplate(t, cache, {
    expression({ expr, node }) {
      if (node.kind !== "output" || node.context.kind !== "raw-text" || endsInJsonRaw(expr)) return;
      out.push(makeDiagnostic(t.file, t.lines, {
        code: "PC1062",
        message: `inside \`<${node.context.element}>\`, HTML escaping does not protect the value; write \`{{ … | json | raw }}\``,
        start: node.span.start, end: node.span.end,
      }));
    },
  });
  return out;
}
