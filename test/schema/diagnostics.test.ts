// PC3031 and PC3033 from precompileSchemas (SPEC §5.2, §7.3.3): messages and ranges (code offsets).
import * as acorn from "acorn";
import MagicString from "magic-string";
import { describe, expect, it } from "vitest";
import { precompileSchemas, starHeight } from "../../compiler/schema/index.js";

function diagnose(code: string) {
  const program = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" });
  return precompileSchemas(program, code, new MagicString(code), { offset: 0, enabled: true })
    .diagnostics.map((d) => ({ code: d.code, message: d.message, text: code.slice(d.start, d.end) }));
}

describe("PC3031", () => {
  const cases: Array<[string, string, Array<{ code: string; message: string; text: string }>]> = [
    ["min greater than max", "Schema.string().min(10).max(5)", [{ code: "PC3031", message: "Schema: min(10) is greater than max(5)", text: "max(5)" }]],
    ["reported at the later call", "Schema.number().max(5).required().min(10)", [{ code: "PC3031", message: "Schema: min(10) is greater than max(5)", text: "min(10)" }]],
    ["array bounds", "Schema.array().min(3).max(1)", [{ code: "PC3031", message: "Schema: min(3) is greater than max(1)", text: "max(1)" }]],
    ["the last bound counts", "Schema.string().min(10).max(5).max(20)", []],
    ["valid() with no values", "const A = Schema.string().valid();", [{ code: "PC3031", message: "Schema: valid() needs at least one value", text: "valid()" }]],
    ["pattern() with a string", "Schema.string().pattern('^a$')", [{ code: "PC3031", message: "Schema: pattern() needs a regular expression", text: "pattern('^a$')" }]],
    ["pattern() with an identifier", "const re = /a/; Schema.string().pattern(re)", [{ code: "PC3031", message: "Schema: pattern() needs a regular expression", text: "pattern(re)" }]],
    ["pattern() with new RegExp", "Schema.string().pattern(new RegExp('a'))", [{ code: "PC3031", message: "Schema: pattern() needs a regular expression", text: "pattern(new RegExp('a'))" }]],
    ["negative string bound", "Schema.string().min(-1)", [{ code: "PC3031", message: "Schema: min(-1) must be an integer of at least 0", text: "min(-1)" }]],
    ["non-integer array bound", "Schema.array().max(2.5)", [{ code: "PC3031", message: "Schema: max(2.5) must be an integer of at least 0", text: "max(2.5)" }]],
    ["number bounds may be negative", "Schema.number().min(-1.5).max(-1)", []],
    ["nested schemas are checked", "Schema.object({ a: Schema.array().items(Schema.string().valid()) })", [{ code: "PC3031", message: "Schema: valid() needs at least one value", text: "valid()" }]],
    ["inside dynamic code", "function f(x) { return Schema.string().min(x).max(3).valid(); }", [{ code: "PC3031", message: "Schema: valid() needs at least one value", text: "valid()" }]],
    ["fine schemas", "Schema.object({ pin: Schema.string().required().pattern(/^\\d{4}$/).min(4).max(4) })", []],
  ];
  for (const [name, code, expected] of cases) it(name, () => expect(diagnose(code)).toEqual(expected));
});

describe("PC3033", () => {
  it("warns on nested quantifiers, at the regex literal", () => {
    expect(diagnose("Schema.string().pattern(/(a+)+/)")).toEqual([
      { code: "PC3033", message: "the pattern `/(a+)+/` nests quantifiers and may take exponential time on some inputs", text: "/(a+)+/" },
    ]);
    expect(diagnose("Schema.string().pattern(/^(\\w*)*$/i)")[0].message).toBe(
      "the pattern `/^(\\w*)*$/i` nests quantifiers and may take exponential time on some inputs");
  });
  it("does not warn on safe patterns", () => {
    expect(diagnose("Schema.string().pattern(/^\\d{4}$/).pattern(/^(\\d{1,3}\\.){3}\\d{1,3}$/)")).toEqual([]);
  });
  const heights: Array<[string, number]> = [
    ["abc", 0], ["a+", 1], ["(a+)+", 2], ["(\\w*)*", 2], ["(?:a|b*)+", 2], ["(a{2,})*", 2], ["(a{1,3})+", 1],
    ["(\\d{1,3}\\.){3}", 0], ["(a+)?", 1], ["[(+)]+", 1], ["\\(a+\\)+", 1], ["((a*)b)*", 2], ["(?<n>x+)+", 2],
    ["(?=a+)b", 1], ["((a+)+)+", 3], ["\\u{61}+", 1], ["a{,3}", 0], ["(a*?)+?", 2], ["(a|b)*c+", 1],
  ];
  for (const [p, h] of heights) it("star height of /" + p + "/ is " + h, () => expect(starHeight(p)).toBe(h));
});
