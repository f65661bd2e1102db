// Orchestrates the template parser: scan (§3.1) → directive tree (§3.2) → whitespace deletions (§3.3) → v-if
// chains (§3.10) → text values → layout checks (§3.9.2) and PC1053 for conditional backend scripts (§4.1).
import { FileReporter, finalizeDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { TemplateAst } from "./ast.js";
import { scan } from "./scanner.js";
import { buildStructure } from "./structure.js";
import { finishText, whitespaceDeletions } from "./whitespace.js";
import { planVIf } from "./v-if.js";
import { insertChainTokens } from "./v-if-tokens.js";
import { checkLayout } from "./layout-rules.js";
import { checkTagMarkers, reportConflictMarkers } from "./markers.js";

export interface ParseTemplateOptions { file: string; kind: "page" | "component" }
export interface ParseTemplateResult { ast: TemplateAst; diagnostics: Diagnostic[] }

export function parseTemplate(text: string, opts: ParseTemplateOptions): ParseTemplateResult {
  const rep = new FileReporter(opts.file, text);
  const ast = parseWith(text, opts, rep);
  return { ast, diagnostics: finalizeDiagnostics(rep.diagnostics) };
}

function parseWith(text: string, opts: ParseTemplateOptions, rep: FileReporter): TemplateAst {
  reportConflictMarkers(text, rep.lines.starts, rep);
  const { tokens, events } = scan(text, opts.kind, rep);
  checkTagMarkers(text, events, rep);
  // The first structure pass reports directive errors and tells which directive body each text token is in;
  // v-if planning needs that, and a second (silent) pass then builds the tree with the chains in it.
  let st = buildStructure(text, tokens, rep);
  const del = whitespaceDeletions(text, tokens);
  const chains = planVIf(text, tokens, events, del, rep);
  if (chains.length > 0) st = buildStructure(text, insertChainTokens(tokens, chains), new FileReporter(opts.file, rep.lines));
  const nodes = finishText(st.nodes, text, del);
  checkLayout(text, nodes, st.extends !== null, st.blockDirective, rep);
  for (const s of st.scripts) {
    if (s.insideConditional) {
      rep.report({ code: "PC1053", message: `this backend script always runs; the surrounding \`${s.insideConditional}\` does not control it`, start: s.startTag.start, end: s.startTag.end });
    }
  }
  return { nodes, scripts: st.scripts, extends: st.extends };
}
