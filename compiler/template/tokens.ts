// The flat token stream the scanner produces and the structure builder consumes. Offsets are into the file.
import type { ExprSource, OutputContext, ScriptBlock } from "./ast.js";
import type { Chain } from "./v-if.js";

export type Token =
  /** Literal text; `seg` is the directive body it lands in (set by the structure builder). */
  | { t: "text"; start: number; end: number; seg: number }
  | { t: "output"; start: number; end: number; delim: "{{" | "<<"; expr: ExprSource; context: OutputContext }
  /** A recognised directive; `args` is null for bare directives. */
  | { t: "dir"; name: string; start: number; nameEnd: number; args: ExprSource | null; end: number }
  /** Removed text that produces nothing: comments, conflict-marker lines, `{{{…}}}`, empty output tags. */
  | { t: "strip"; start: number; end: number; what: "comment" | "marker" | "triple" | "empty" }
  | { t: "script"; start: number; end: number; block: ScriptBlock }
  /** A planned v-if chain boundary (zero width): a member starts (open/member) or ends (gap/close). */
  | { t: "vif"; op: "open" | "member" | "gap" | "close"; start: number; end: number; chain: Chain; index: number };
