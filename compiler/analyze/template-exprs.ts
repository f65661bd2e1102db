// Expression-level checks for one template in one context: parse errors (PC1020/PC1021/PC2006) and the
// table checks of compiler/expr (filters, functions, raw/nl2br, date formats, symbolic comparisons).
import { parseExpression, checkExpression } from "../expr/index.js";
import type { Expr } from "../expr/ast.js";
import type { ExprSource, Node, TemplateAst } from "../template/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedTemplate } from "./template-graph.js";

export interface ExprSite { source: ExprSource; isCondition: boolean; node: Node }

/** Every expression of a template, in document order. */
export function templateExpressions(ast: TemplateAst): ExprSite[] {
  const out: ExprSite[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      switch (n.kind) {
        case "output": out.push({ source: n.expr, isCondition: false, node: n }); break;
        case "if": for (const b of n.branches) { if (b.cond) out.push({ source: b.cond, isCondition: true, node: n }); walk(b.body); } break;
        case "foreach": out.push({ source: n.iterable, isCondition: false, node: n }); walk(n.body); break;
        case "set": out.push({ source: n.value, isCondition: false, node: n }); break;
        case "component": if (n.args) out.push({ source: n.args, isCondition: false, node: n }); break;
        case "block": walk(n.body); break;
        case "session-item": out.push({ source: n.key, isCondition: false, node: n }); if (n.value) out.push({ source: n.value, isCondition: false, node: n }); break;
      }
    }
  };
  walk(ast.nodes);
  return out;
}

export function parseTemplateExpressions(t: ParsedTemplate): { site: ExprSite; expr: Expr | null }[] {
  return templateExpressions(t.ast).map((site) => ({ site, expr: parseExpression(site.source.text, site.source.start).expr }));
}

export function checkTemplateExpressions(t: ParsedTemplate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const exprs = (t.exprs ??= new Map());
  for (const site of templateExpressions(t.ast)) {
    // A malformed @foreach/@set head was already reported (PC1018); its empty expression adds nothing.
    if ((site.node.kind === "foreach" || site.node.kind === "set") && site.source.text.trim() === "") continue;
    const parsed = parseExpression(site.source.text, site.source.start);
    exprs.set(site.source.start, parsed.expr);
    const errors = [...parsed.errors];
    if (parsed.expr) errors.push(...checkExpression(parsed.expr, { isCondition: site.isCondition, isOutput: site.node.kind === "output" }));
    // v-if values whose entities were decoded carry a per-character offset table back into the file.
    const at = (pos: number) => {
      const offsets = site.source.offsets;
      if (!offsets) return pos;
      const i = pos - site.source.start;
      return i >= offsets.length ? (offsets[offsets.length - 1] ?? site.source.start) + 1 : offsets[Math.max(0, i)];
    };
    for (const e of errors) {
      const suggestions = e.suggestions?.map((sg) => ({ ...sg, edits: sg.edits.map((ed) => ({ ...ed, start: at(ed.start), end: at(ed.end) })) }));
      out.push(makeDiagnostic(t.file, t.lines, { code: e.code, message: e.message, start: at(e.start), end: at(e.end), suggestions }));
    }
  }
  return out;
}
