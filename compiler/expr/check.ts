// Checks on a parsed expression that need only the filter and function tables (SPEC §3.4–§3.8, §7.3.1–§7.3.2).
// Name resolution (PC2001–PC2003, PC2011) is done by the analysis with visitIdentifiers/memberPath.
import type { Binary, Expr } from "./ast.js";
import type { ExprError } from "./errors.js";
import { checkCall } from "./check-functions.js";
import { checkFilter } from "./check-filters.js";
import { walk } from "./walk.js";

export interface CheckContext {
  /** `@if`/`@elseif`/`v-if`/`v-else-if` conditions: enables PC1057. */
  isCondition?: boolean;
  /** The value is written by an output tag: enables PC1051 and PC1063. Defaults to `!isCondition`. */
  isOutput?: boolean;
}

const WORDS: Record<string, string> = { "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" };

export function checkExpression(expr: Expr, ctx: CheckContext = {}): ExprError[] {
  const errors: ExprError[] = [];
  const scope = { root: expr, output: ctx.isOutput ?? !ctx.isCondition };
  walk(expr, (node) => {
    if (node.type === "Filter") checkFilter(node, scope, errors);
    else if (node.type === "Call") checkCall(node, errors);
    else if (node.type === "Binary" && ctx.isCondition && Object.hasOwn(WORDS, node.written)) errors.push(symbolicComparison(node));
  });
  return errors;
}

/** PC1057: `<` → `lt` and friends. The fix adds spaces where the operator touches an operand (`a<b` → `a lt b`). */
function symbolicComparison(b: Binary): ExprError {
  const word = WORDS[b.written];
  const newText = `${b.left.end === b.opStart ? " " : ""}${word}${b.right.start === b.opEnd ? " " : ""}`;
  return {
    code: "PC1057",
    message: `prefer \`${word}\` to \`${b.written}\` in conditions`,
    start: b.opStart,
    end: b.opEnd,
    suggestions: [{ title: `replace with \`${word}\``, edits: [{ start: b.opStart, end: b.opEnd, newText }] }],
  };
}
