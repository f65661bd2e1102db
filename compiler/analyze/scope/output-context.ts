// PC1062 (SPEC §3.5 output contexts): an output tag inside `<script>` or `<style>` raw text is only safe as
// `{{ … | json | raw }}`, because HTML escaping does not protect JavaScript or CSS.
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import type { Expr } from "../../expr/ast.js";
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
