// Robustness (SECURITY-TESTS G1): no input makes the parser, the checks or codegen throw, and every tree that
// parses compiles to JavaScript that itself parses.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseExpression } from "../../compiler/expr/parse.js";
import { checkExpression } from "../../compiler/expr/check.js";
import { compileExpression } from "../../compiler/expr/codegen.js";

const pieces = ["a", "b", ".", "[", "]", "(", ")", "{", "}", ",", ":", "?", "|", "+", "-", "*", "!", "==", "<", "&&", "||",
  "not", "and", "or", "eq", "lt", "in", "true", "null", "1", "2.5e3", "'s'", '"t"', "'", "\\", " ", "\n", "upper", "default",
  "raw", "nl2br", "date", "'YYYY'", "dump", "getCrmField", "__proto__", "constructor", "=", "#", "😀", "request", "var"];

function exercise(text: string): void {
  const r = parseExpression(text, 7);
  for (const e of r.errors) {
    expect(e.start).toBeGreaterThanOrEqual(7);
    expect(e.end).toBeLessThanOrEqual(7 + text.length);
    expect(e.start).toBeLessThanOrEqual(e.end);
  }
  if (!r.expr) {
    expect(r.errors.some((e) => e.code === "PC1020")).toBe(true);
    return;
  }
  checkExpression(r.expr, { isCondition: true });
  checkExpression(r.expr, {});
  const js = compileExpression(r.expr, (id) => `$s[${JSON.stringify(id.name)}]`);
  expect(() => new Function("$get", "$prop", "$f", "$call", "$s", `return ${js};`)).not.toThrow();
}

describe("fuzz", () => {
  it("token soup", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join(" ")), exercise), { numRuns: 2000 });
  });
  it("token soup without spaces", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join("")), exercise), { numRuns: 2000 });
  });
  it("arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 40, unit: "binary" }), exercise), { numRuns: 2000 });
  });
});
