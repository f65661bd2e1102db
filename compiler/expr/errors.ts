// The finding type every expression phase returns (offsets only; callers turn them into Diagnostics through a
// FileReporter) and the message builders for the expression codes of SPEC §7.3.1–§7.3.2.
import type { Code, OffsetSuggestion } from "../diagnostics/diagnostic.js";

export interface ExprError {
  code: Code;
  message: string;
  start: number;
  end: number;
  suggestions?: OffsetSuggestion[];
}

export const syntaxMessage = (detail: string) => `invalid expression: ${detail}`;
export const methodCallMessage = (callee: string) => `only template functions can be called; \`${callee}(…)\` is a method call`;
export const forbiddenMessage = (prop: string) => `access to \`${prop}\` is not allowed in templates`;

/** SPEC §7.3.2 `{allowed}`: `1`, `1 or 2`, `0, 2 or 3`. */
export function formatAllowed(arities: number[]): string {
  const a = arities.map(String);
  return a.length <= 1 ? a.join("") : `${a.slice(0, -1).join(", ")} or ${a[a.length - 1]}`;
}

/** `{allowed} {arguments}`: "argument" only when exactly one count, 1, is allowed. */
export function allowedArguments(arities: number[]): string {
  const allowed = formatAllowed(arities);
  return `${allowed} ${allowed === "1" ? "argument" : "arguments"}`;
}

/** The standard closest-name fix (SPEC §7.3.5): "replace with `x`" over one range. */
export function replaceWith(start: number, end: number, newText: string): OffsetSuggestion {
  return { title: `replace with \`${newText}\``, edits: [{ start, end, newText }] };
}
