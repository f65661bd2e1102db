// Filter checks (SPEC §3.5, §3.7): unknown filters (PC2005), argument counts (PC2007), a misplaced `raw`
// (PC1050), `nl2br` without `raw` (PC1051), literal date formats (PC1052) and `raw` on request data (PC1063).
import type { Expr, Filter } from "./ast.js";
import { allowedArguments, replaceWith, type ExprError } from "./errors.js";
import { checkDateFormat } from "./date-format.js";
import { children, memberPath, pathText, type PathSegment } from "./walk.js";
import { closest } from "../diagnostics/closest.js";
import { FILTERS, PLATFORM_FILTERS } from "../prelude/template-lib/manifest.js";

/** Names whose data the visitor controls (SPEC §3.5, PC1063). */
const VISITOR_ROOTS = new Set(["request", "query", "route_params"]);
/** Filters whose result is safe HTML or not text at all, so `raw` after them exposes nothing. */
const NEUTRALISING = new Set(["nl2br", "json", "url_encode", "length", "size", "round", "floor", "ceil", "abs", "number_format", "date_add", "timeago"]);

export interface FilterCheckScope {
  /** The whole expression: only its outermost filter can be an effective `raw`. */
  root: Expr;
  /** Whether the expression's value is written to the output (an output tag). */
  output: boolean;
}

export function checkFilter(f: Filter, scope: FilterCheckScope, errors: ExprError[]): void {
  const { name, nameStart: start, nameEnd: end } = f;
  if (!Object.hasOwn(FILTERS, name)) {
    errors.push(unknownFilter(name, start, end));
    return;
  }
  const { arities } = FILTERS[name];
  const n = f.args.length;
  if (!arities.includes(n)) errors.push({ code: "PC2007", message: `filter \`${name}\` takes ${allowedArguments(arities)}, not ${n}`, start, end });
  if (name === "raw" && f !== scope.root) errors.push({ code: "PC1050", message: "`raw` only has an effect as the last filter", start, end });
  if (name === "nl2br" && scope.output && !isRawOutput(scope.root)) {
    errors.push({
      code: "PC1051",
      message: "the `<br>` tags from `nl2br` are escaped again; add `| raw` after it",
      start, end,
      suggestions: [{ title: "insert ` | raw`", edits: [{ start: f.end, end: f.end, newText: " | raw" }] }],
    });
  }
  const format = f.args[0];
  if (name === "date" && format?.type === "Literal" && typeof format.value === "string") {
    const problem = checkDateFormat(format.value);
    if (problem) {
      const literal = `'${problem.fixed.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
      errors.push({
        code: "PC1052",
        message: `\`${problem.runs.join(", ")}\` in a date format is not a token and is output as is`,
        start: format.start, end: format.end,
        suggestions: [replaceWith(format.start, format.end, literal)],
      });
    }
  }
  if (name === "raw" && f === scope.root && scope.output) {
    const read = visitorRead(f.input);
    if (read) errors.push({ code: "PC1063", message: `\`raw\` outputs visitor-controlled HTML from \`${pathText(read)}\``, start, end });
  }
}

function unknownFilter(name: string, start: number, end: number): ExprError {
  if (PLATFORM_FILTERS.includes(name)) {
    return { code: "PC2005", message: `unknown filter \`${name}\`; pagec does not provide this platform filter`, start, end };
  }
  const near = closest(name, Object.keys(FILTERS));
  return { code: "PC2005", message: `unknown filter \`${name}\``, start, end, suggestions: near ? [replaceWith(start, end, near)] : [] };
}

/** True when the last filter of the expression is `raw` (its output is not escaped). */
export function isRawOutput(e: Expr): boolean {
  return e.type === "Filter" && e.name === "raw";
}

/**
 * The first read of request data whose text can reach the output unchanged: the path of a member chain rooted
 * at `request`, `query` or `route_params`, not under a neutralising filter, a comparison or a test position.
 */
function visitorRead(e: Expr): PathSegment[] | null {
  switch (e.type) {
    case "Identifier":
      return VISITOR_ROOTS.has(e.name) ? [{ name: e.name, start: e.start, end: e.end, node: e }] : null;
    case "Member": {
      let root: Expr = e;
      while (root.type === "Member") root = root.object;
      if (root.type === "Identifier") {
        if (!VISITOR_ROOTS.has(root.name)) return null;
        return memberPath(e) ?? staticPath(e);
      }
      return visitorRead(root);
    }
    case "Filter":
      if (NEUTRALISING.has(e.name)) return null;
      return first([e.input, ...e.args]);
    case "Unary":
      return null; // `!` gives a boolean, `-` a number
    case "Binary":
      return e.operator === "+" ? first([e.left, e.right]) : null;
    case "Conditional":
      return first([e.consequent, e.alternate]);
    default:
      return first(children(e));
  }
}

function first(list: Expr[]): PathSegment[] | null {
  for (const c of list) {
    const r = visitorRead(c);
    if (r) return r;
  }
  return null;
}

/** The static prefix of a chain with computed steps (`request.query[k]` → request.query). */
function staticPath(e: Expr): PathSegment[] | null {
  for (let cur: Expr = e; cur.type === "Member"; cur = cur.object) {
    const p = memberPath(cur.object);
    if (p) return p;
  }
  return null;
}
