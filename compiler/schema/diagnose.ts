// PC3031 (literal schema mistakes) and PC3033 (slow `.pattern()` regex) for one schema expression
// (SPEC §5.2, §7.3.3). Ranges are offsets in the analysed code: the method call, or the regex literal.
import type * as acorn from "acorn";
import type { ChainStep } from "./chains.js";
import { literalValue } from "./literal-value.js";
import { starHeight } from "./star-height.js";

export interface SchemaDiagnostic {
  code: "PC3031" | "PC3033";
  message: string;
  start: number;
  end: number;
}

const BOUNDED = new Set(["string", "number", "array"]);

function numberArg(step: ChainStep): number | undefined {
  const a = step.call.arguments[0];
  if (!a || step.call.arguments.length !== 1) return undefined;
  const r = literalValue(a);
  return r.ok && typeof r.value === "number" ? r.value : undefined;
}

function misuse(step: ChainStep, detail: string): SchemaDiagnostic {
  return { code: "PC3031", message: "Schema: " + detail, start: step.nameStart, end: step.call.end };
}

/** Diagnostics of the steps of one chain (nested chains in its arguments are diagnosed on their own). */
export function diagnoseChain(steps: ChainStep[]): SchemaDiagnostic[] {
  const out: SchemaDiagnostic[] = [];
  const type = steps[0].name;
  let min: { step: ChainStep; n: number } | undefined;
  let max: { step: ChainStep; n: number } | undefined;
  for (const step of steps.slice(1)) {
    const args = step.call.arguments;
    if (step.name === "valid" && args.length === 0) out.push(misuse(step, "valid() needs at least one value"));
    if (step.name === "pattern" && type === "string") {
      const re = args[0] as acorn.Literal | undefined;
      if (!re || re.type !== "Literal" || !re.regex) out.push(misuse(step, "pattern() needs a regular expression"));
      else if (starHeight(re.regex.pattern) >= 2) {
        out.push({
          code: "PC3033",
          message: "the pattern `" + (re.raw ?? "/" + re.regex.pattern + "/" + re.regex.flags) + "` nests quantifiers and may take exponential time on some inputs",
          start: re.start,
          end: re.end,
        });
      }
    }
    if ((step.name === "min" || step.name === "max") && BOUNDED.has(type)) {
      const n = numberArg(step);
      if (n === undefined) {
        if (step.name === "min") min = undefined;
        else max = undefined;
        continue;
      }
      if (type !== "number" && (!Number.isInteger(n) || n < 0)) {
        out.push(misuse(step, step.name + "(" + String(n) + ") must be an integer of at least 0"));
      }
      if (step.name === "min") min = { step, n };
      else max = { step, n };
    }
  }
  if (min && max && min.n > max.n) {
    const later = min.step.nameStart > max.step.nameStart ? min.step : max.step;
    out.push(misuse(later, "min(" + String(min.n) + ") is greater than max(" + String(max.n) + ")"));
  }
  return out;
}
