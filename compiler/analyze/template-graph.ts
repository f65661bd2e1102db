// Resolves what a page's template is made of (SPEC §3.9): its layout chain (PC5002, PC5003, PC5015) and the
// components it includes transitively (PC5001, PC5003, PC5014). Works on parsed files; never throws.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { makeDiagnostic } from "../diagnostics/diagnostic.js";
import { closest } from "../diagnostics/closest.js";
import type { Node, TemplateAst, ComponentNode } from "../template/ast.js";
import type { LineIndex } from "../source/line-index.js";
import type { Expr } from "../expr/ast.js";

export interface ParsedTemplate {
  file: string;
  text: string;
  lines: LineIndex;
  ast: TemplateAst;
  /** Parsed expressions by ExprSource.start, filled by the expression checks so later passes do not re-parse. */
  exprs?: Map<number, Expr | null>;
}

export interface TemplateGraphHost {
  page(slug: string): ParsedTemplate | null;
  component(code: string): ParsedTemplate | null;
  pageSlugs: string[];
  componentCodes: string[];
  isWildcard(slug: string): boolean;
  maxComponentDepth: number;
}

export interface PageGraph { layouts: ParsedTemplate[]; components: Map<string, ParsedTemplate>; diagnostics: Diagnostic[] }

export function resolvePageGraph(page: ParsedTemplate, host: TemplateGraphHost): PageGraph {
  const diagnostics: Diagnostic[] = [];
  const layouts: ParsedTemplate[] = [];
  const seen = [page.file];
  let cur = page;
  while (cur.ast.extends) {
    const ext = cur.ast.extends;
    const slug = ext.slug.replace(/\.ef$/, "");
    const at = { start: ext.slugSpan.start, end: ext.slugSpan.end };
    const target = host.page(slug);
    if (!target) {
      const near = closest(slug, host.pageSlugs);
      diagnostics.push(makeDiagnostic(cur.file, cur.lines, { code: "PC5002", message: `layout page \`${slug}\` not found (expected pages/${slug}.ef)`, ...at, suggestions: near ? [{ title: `replace with \`"${near}"\``, edits: [{ ...at, newText: JSON.stringify(near) }] }] : [] }));
      break;
    }
    if (host.isWildcard(slug)) {
      diagnostics.push(makeDiagnostic(cur.file, cur.lines, { code: "PC5015", message: `\`@extends\` cannot name the wildcard page \`${slug}\``, start: ext.span.start, end: ext.span.end }));
      break;
    }
    if (seen.includes(target.file)) {
      const names = [...seen, target.file].map(slugOf);
      diagnostics.push(makeDiagnostic(cur.file, cur.lines, { code: "PC5003", message: `\`@extends\` cycle: ${names.slice(names.indexOf(slugOf(target.file))).join(" → ")}`, start: ext.span.start, end: ext.span.end }));
      break;
    }
    seen.push(target.file);
    layouts.push(target);
    cur = target;
  }
  const components = new Map<string, ParsedTemplate>();
  for (const t of [page, ...layouts]) walkComponents(t, [], host, components, diagnostics);
  return { layouts, components, diagnostics };
}

function slugOf(file: string): string {
  return file.replace(/^(pages|components)\//, "").replace(/\.(ef|html)$/, "");
}

function walkComponents(t: ParsedTemplate, stack: string[], host: TemplateGraphHost, out: Map<string, ParsedTemplate>, diags: Diagnostic[]) {
  for (const node of componentNodes(t.ast.nodes)) {
    const code = node.code.replace(/\.ef$/, "");
    const at = { start: node.codeSpan.start, end: node.codeSpan.end };
    const c = host.component(code);
    if (!c) {
      const near = closest(code, host.componentCodes);
      diags.push(makeDiagnostic(t.file, t.lines, { code: "PC5001", message: `component \`${code}\` not found (expected components/${code}.ef)`, ...at, suggestions: near ? [{ title: `replace with \`"${near}"\``, edits: [{ ...at, newText: JSON.stringify(near) }] }] : [] }));
      continue;
    }
    if (stack.includes(code)) {
      diags.push(makeDiagnostic(t.file, t.lines, { code: "PC5003", message: `component cycle: ${[...stack.slice(stack.indexOf(code)), code].join(" → ")}`, start: node.span.start, end: node.span.end }));
      continue;
    }
    if (stack.length + 1 > host.maxComponentDepth) {
      diags.push(makeDiagnostic(t.file, t.lines, { code: "PC5014", message: `components nest deeper than ${host.maxComponentDepth} levels: ${[...stack, code].join(" → ")}`, start: node.span.start, end: node.span.end }));
      continue;
    }
    if (c.ast.extends) diags.push(makeDiagnostic(c.file, c.lines, { code: "PC5015", message: "`@extends` cannot be used in a component", start: c.ast.extends.span.start, end: c.ast.extends.span.end }));
    const first = !out.has(code);
    out.set(code, c);
    // Each component is walked once (from its first inclusion), which keeps diamond-shaped graphs linear.
    if (first) walkComponents(c, [...stack, code], host, out, diags);
  }
}

export function componentNodes(nodes: Node[], out: ComponentNode[] = []): ComponentNode[] {
  for (const n of nodes) {
    if (n.kind === "component") out.push(n);
    else if (n.kind === "if") for (const b of n.branches) componentNodes(b.body, out);
    else if (n.kind === "foreach" || n.kind === "block") componentNodes(n.body, out);
  }
  return out;
}
