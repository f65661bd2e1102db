// The template syntax tree: the contract between the template parser (parse.ts), the analysis (analyze/)
// and the render code generator (codegen/). Every offset is a UTF-16 offset into the original file text.
// The parser has already applied the whitespace rules of SPEC §3.3 (final line terminator, standalone lines)
// and §3.10 (removed v-if lines), so codegen emits text nodes as they are.

export interface Span { start: number; end: number }

/** Expression source text as written, not yet parsed. Parse with compiler/expr (parseExpression(text, start)). */
export interface ExprSource {
  text: string;
  /** Offset in the file of text[0]. */
  start: number;
  /**
   * Only when `text` is not a verbatim slice of the file (a v-if value whose entities were decoded):
   * offsets[i] is the file offset of text[i], and offsets[text.length] the file offset just after the value.
   */
  offsets?: number[];
}

/** Where an output tag sits in the HTML (SPEC §3.5 "Output contexts"). */
export type OutputContext =
  | { kind: "text" }
  | { kind: "attr"; name: string; quoted: boolean; url: boolean; /** tag is the first thing in the value */ first: boolean }
  | { kind: "raw-text"; element: "script" | "style" }
  | { kind: "comment" };

export interface TextNode { kind: "text"; span: Span; value: string }
export interface OutputNode { kind: "output"; span: Span; delim: "{{" | "<<"; expr: ExprSource; context: OutputContext }
export interface IfBranch {
  /** null for @else / v-else */
  cond: ExprSource | null;
  /** The directive (`@elseif(...)`) or the v-* attribute that opens the branch. */
  span: Span;
  body: Node[];
}
export interface IfNode { kind: "if"; span: Span; branches: IfBranch[]; /** "directive" for @if, "v-if" for element chains */ form: "directive" | "v-if" }
export interface ForeachNode {
  kind: "foreach";
  span: Span;
  item: { name: string; span: Span };
  /** Second variable of the `(x, k) in e` form. */
  key: { name: string; span: Span } | null;
  iterable: ExprSource;
  body: Node[];
}
export interface SetNode { kind: "set"; span: Span; name: string; nameSpan: Span; value: ExprSource }
export interface ComponentNode { kind: "component"; span: Span; code: string; codeSpan: Span; args: ExprSource | null }
export interface BlockNode { kind: "block"; span: Span; name: string; nameSpan: Span; body: Node[] }
export interface YieldNode { kind: "yield"; span: Span; name: string; nameSpan: Span }
export interface SessionItemNode {
  kind: "session-item";
  span: Span;
  op: "set" | "clear";
  key: ExprSource;
  value: ExprSource | null;
}

export type Node = TextNode | OutputNode | IfNode | ForeachNode | SetNode | ComponentNode | BlockNode | YieldNode | SessionItemNode;

/** One `<script scope="backend">` element, cut out of the template (SPEC §3.1 rule 7, §4.1). */
export interface ScriptBlock {
  /** The element's content (between `>` and `</script`). */
  content: string;
  /** Offset of content[0] in the file. */
  contentStart: number;
  /** The start tag `<script scope="backend" …>`. */
  startTag: Span;
  /** The whole element. */
  span: Span;
  /** Innermost template construct around it, for PC1053 ("@if", "@foreach" or "v-if"), else null. */
  insideConditional: string | null;
}

export interface ExtendsDirective { span: Span; slug: string; slugSpan: Span }

export interface TemplateAst {
  nodes: Node[];
  scripts: ScriptBlock[];
  extends: ExtendsDirective | null;
}
