// Syntax errors (PC1020 details and ranges), method calls (PC1021) and forbidden properties (PC2006).
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../compiler/expr/parse.js";

/** Parses with base 10 and returns the errors with ranges relative to the text, for readable tables. */
function errs(text: string) {
  return parseExpression(text, 10).errors.map((e) => ({ code: e.code, message: e.message, at: text.slice(e.start - 10, e.end - 10), start: e.start - 10 }));
}
const syntax = (detail: string) => `invalid expression: ${detail}`;

describe("PC1020 syntax errors", () => {
  it.each([
    // [text, detail, offending text, offset]
    ["a +", "unexpected end of expression", "", 3],
    ["a + ", "unexpected end of expression", "", 3],
    ["a b", 'unexpected token "b"', "b", 2],
    ["a )", 'unexpected token ")"', ")", 2],
    ["(a", 'expected ")"', "", 2],
    ["(a b)", 'expected ")"', "b", 3],
    ["f(a b)", 'expected ")"', "b", 4],
    ["[1, 2", 'expected "]"', "", 5],
    ["x[1", 'expected "]"', "", 3],
    ["{a: 1 b}", 'expected "}"', "b", 6],
    ["{a b}", 'expected "}"', "b", 3],
    ["{'a'}", 'expected ":"', "}", 4],
    ["{and}", 'expected ":"', "}", 4],
    ["a ? b", 'expected ":"', "", 5],
    ["a ? b | upper : c", 'expected ":"', "|", 6],
    ["'abc", "unterminated string literal", "'abc", 0],
    ["x + \"ab\ncd\"", "unterminated string literal", '"ab', 4],
    ["'ab\\", "unterminated string literal", "'ab\\", 0],
    ["a # b", 'unexpected character "#"', "#", 2],
    ["a & b", 'unexpected character "&"', "&", 2],
    ["a 😀", 'unexpected character "😀"', "😀", 2],
    ["a\u00a0b", 'unexpected character "\u00a0"', "\u00a0", 1],
    ["a | ", "unexpected end of expression", "", 3],
    ["a | 3", 'unexpected token "3"', "3", 4],
    ["a | and", 'unexpected token "and"', "and", 4],
    ["a.", "unexpected end of expression", "", 2],
    ["a.3", 'unexpected token "3"', "3", 2],
    ["a.'b'", "unexpected token \"'b'\"", "'b'", 2],
    ["and", 'unexpected token "and"', "and", 0],
    ["a in b", 'unexpected token "in"', "in", 2],
    ["eq", 'unexpected token "eq"', "eq", 0],
    ["f(,)", 'unexpected token ","', ",", 2],
    ["[,]", 'unexpected token ","', ",", 1],
    ["{,}", 'unexpected token ","', ",", 1],
    ["1()", 'unexpected token "("', "(", 1],
    ["a = b", 'unexpected character "="', "=", 2],
    ["a == = b", 'unexpected character "="', "=", 5],
    ["3px", 'unexpected token "px"', "px", 1],
    ["1.", 'unexpected end of expression', "", 2],
    ["a ) 'unterminated", 'unexpected token ")"', ")", 2],
  ])("%j → %s", (text, detail, at, start) => {
    expect(errs(text)).toEqual([{ code: "PC1020", message: syntax(detail), at, start }]);
  });

  it("uses the whole text (or the tag) for an empty expression", () => {
    expect(parseExpression("   ", 10).errors).toEqual([{ code: "PC1020", message: syntax("unexpected end of expression"), start: 10, end: 13 }]);
    expect(parseExpression("", 10).errors).toEqual([{ code: "PC1020", message: syntax("unexpected end of expression"), start: 10, end: 10 }]);
    const tag = { start: 8, end: 15, open: "{{", close: "}}" };
    expect(parseExpression("   ", 10, { tag }).errors).toMatchObject([{ start: 8, end: 15 }]);
  });

  it("reports only the first syntax error and returns no tree", () => {
    const r = parseExpression("a + + ) #", 0);
    expect(r.expr).toBeNull();
    expect(r.errors).toHaveLength(1);
  });

  it("survives hostile nesting without throwing", () => {
    const deep = "(".repeat(5000) + "a" + ")".repeat(5000);
    expect(parseExpression(deep, 0).errors[0].code).toBe("PC1020");
    const chain = Array.from({ length: 5000 }, () => "a").join(" + ");
    expect(parseExpression(chain, 0).errors[0].code).toBe("PC1020");
    expect(parseExpression("!".repeat(5000) + "a", 0).errors[0].code).toBe("PC1020");
    const ok = Array.from({ length: 300 }, () => "a").join(" + ");
    expect(parseExpression(ok, 0).errors).toEqual([]);
  });
});

describe("platform shorthand var.x=Fallback text", () => {
  it("is PC1020 with a fix using default", () => {
    const r = parseExpression(" var.x=Fallback text ", 10);
    expect(r.expr).toBeNull();
    expect(r.errors).toEqual([{
      code: "PC1020", message: syntax('unexpected character "="'), start: 16, end: 17,
      suggestions: [{ title: "replace with `var.x | default:'Fallback text'`", edits: [{ start: 11, end: 30, newText: "var.x | default:'Fallback text'" }] }],
    }]);
  });
  it("replaces the whole tag when the tag is known", () => {
    const r = parseExpression(" var.x=Fallback text ", 10, { tag: { start: 8, end: 33, open: "{{", close: "}}" } });
    expect(r.errors[0].suggestions).toEqual([{
      title: "replace with `{{ var.x | default:'Fallback text' }}`",
      edits: [{ start: 8, end: 33, newText: "{{ var.x | default:'Fallback text' }}" }],
    }]);
  });
  it("escapes quotes in the fallback and keeps string literals", () => {
    expect(parseExpression("customer.first_name = Friend's", 0).errors[0].suggestions![0].edits[0].newText).toBe("customer.first_name | default:'Friend\\'s'");
    expect(parseExpression("var.x='Hi'", 0).errors[0].suggestions![0].edits[0].newText).toBe("var.x | default:'Hi'");
    expect(parseExpression("var.x=", 0).errors[0].suggestions![0].edits[0].newText).toBe("var.x | default:''");
  });
  it("does not fire for == comparisons", () => {
    expect(parseExpression("var.x == 1", 0).errors).toEqual([]);
  });
});

describe("PC1021 method calls", () => {
  it.each([
    ["a.b()", "a.b", 0],
    ["x[0]()", "x[0]", 0],
    ["1 + a.b.c(1, 2)", "a.b.c", 4],
    ["f()()", "f()", 0],
    ["(a)()", "(a)", 0],
  ])("%s", (text, callee, start) => {
    const r = parseExpression(text, 10);
    expect(r.errors).toEqual([{ code: "PC1021", message: `only template functions can be called; \`${callee}(…)\` is a method call`, start: 10 + start, end: 10 + start + callee.length }]);
    expect(r.expr).not.toBeNull();
  });
  it("still reports syntax errors inside the arguments", () => {
    const r = parseExpression("a.b(1 +)", 0);
    expect(r.errors.map((e) => e.code)).toEqual(["PC1020"]);
  });
});

describe("PC2006 forbidden properties", () => {
  it.each([
    ["var.greeting.__proto__", "__proto__", 13],
    ["a.constructor", "constructor", 2],
    ["a.prototype", "prototype", 2],
    ["a.__defineGetter__", "__defineGetter__", 2],
    ["a.__lookupSetter__", "__lookupSetter__", 2],
    ["a['__proto__']", "__proto__", 2],
    ['a["constructor"]', "constructor", 2],
    ["a[('prototype')]", "prototype", 3],
    ["{__proto__: 1}", "__proto__", 1],
    ["{'constructor': 1}", "constructor", 1],
    ["{prototype}", "prototype", 1],
  ])("%s", (text, prop, start) => {
    const r = parseExpression(text, 10);
    const at = r.errors.map((e) => text.slice(e.start - 10, e.end - 10));
    expect(r.errors.map((e) => [e.code, e.message, e.start - 10])).toEqual([["PC2006", `access to \`${prop}\` is not allowed in templates`, start]]);
    expect(at[0].replace(/['"]/g, "")).toBe(prop);
    expect(r.expr).not.toBeNull();
  });
  it("allows computed keys that are not literals, and other names", () => {
    expect(parseExpression("a[k]", 0).errors).toEqual([]);
    expect(parseExpression("a['__pro' + 'to__']", 0).errors).toEqual([]);
    expect(parseExpression("a.proto", 0).errors).toEqual([]);
  });
  it("reports every occurrence", () => {
    expect(parseExpression("''.constructor.constructor", 0).errors).toHaveLength(2);
  });
});
