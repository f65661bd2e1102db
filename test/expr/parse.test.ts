// Grammar of SPEC §3.4.2–§3.4.3: every precedence level, associativity, word operators, filters, literals.
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../compiler/expr/parse.js";
import { show } from "./show.js";

function tree(text: string): string {
  const r = parseExpression(text, 0);
  expect(r.errors).toEqual([]);
  return show(r.expr!);
}

describe("precedence and associativity", () => {
  it.each([
    ["a | upper", "(|upper a)"],
    ["a || b | upper", "(|upper (|| a b))"],
    ["a ? b : c | upper", "(|upper (? a b c))"],
    ["a ? (b | upper) : c", "(? a (|upper b) c)"],
    ["a ? b : c ? d : e", "(? a b (? c d e))"],
    ["a ? b ? c : d : e", "(? a (? b c d) e)"],
    ["a || b ? c : d", "(? (|| a b) c d)"],
    ["a or b and c", "(|| a (&& b c))"],
    ["a || b || c", "(|| (|| a b) c)"],
    ["a && b == c", "(&& a (== b c))"],
    ["a and b and c", "(&& (&& a b) c)"],
    ["a == b < c", "(== a (< b c))"],
    ["a eq b neq c", "(!= (== a b) c)"],
    ["a === b !== c", "(!== (=== a b) c)"],
    ["a < b + c", "(< a (+ b c))"],
    ["a lt b lte c gt d gte e", "(>= (> (<= (< a b) c) d) e)"],
    ["a <= b >= c", "(>= (<= a b) c)"],
    ["a + b * c", "(+ a (* b c))"],
    ["a - b - c", "(- (- a b) c)"],
    ["a * b / c % d", "(% (/ (* a b) c) d)"],
    ["(a + b) * c", "(* (+ a b) c)"],
    ["-a * b", "(* (- a) b)"],
    ["!a && b", "(&& (! a) b)"],
    ["not a or b", "(|| (not a) b)"],
    ["not not a", "(not (not a))"],
    ["- -a", "(- (- a))"],
    ["!a.b", "(! (. a b))"],
    ["-a[0].b", "(- (. ([] a 0) b))"],
    ["a.b.c", "(. (. a b) c)"],
    ["a[b][c]", "([] ([] a b) c)"],
    ["a.and.in.true", "(. (. (. a and) in) true)"],
    ["f(a).b", "(. (call f a) b)"],
  ])("%s", (text, expected) => expect(tree(text)).toBe(expected));
});

describe("filters", () => {
  it.each([
    ["x | default:-1", "(|default x (- 1))"],
    ["x | currency:order.currency", "(|currency x (. order currency))"],
    ["x | slice:0:3", "(|slice x 0 3)"],
    ["x | default:(a + b)", "(|default x (+ a b))"],
    ["x | f(a, b)", "(|f x a b)"],
    ["x | f()", "(|f x)"],
    ["x | f(a,)", "(|f x a)"],
    ["x | default:not y", "(|default x (not y))"],
    ["x | a | b:1 | c", "(|c (|b (|a x) 1))"],
    ["product.tags | unique | join:', ' | default:'untagged'", "(|default (|join (|unique (. product tags)) \", \") \"untagged\")"],
    ["product.stock | yesno:'In stock':'Sold out'", "(|yesno (. product stock) \"In stock\" \"Sold out\")"],
    ["f(a | upper, b)", "(call f (|upper a) b)"],
    ["[a | upper]", "[(|upper a)]"],
    ["x[a | upper]", "([] x (|upper a))"],
    ["{k: a | upper}", "{\"k\": (|upper a)}"],
  ])("%s", (text, expected) => expect(tree(text)).toBe(expected));
});

describe("literals", () => {
  it.each([
    ["1", "1"],
    ["1.5", "1.5"],
    ["1e3", "1000"],
    ["2.5E-1", "0.25"],
    ["1e+2", "100"],
    ["true", "true"],
    ["false", "false"],
    ["null", "null"],
    ["'it\\'s'", JSON.stringify("it's")],
    ['"say \\"hi\\""', JSON.stringify('say "hi"')],
    ["'a\\nb\\rc\\td'", JSON.stringify("a\nb\rc\td")],
    ["'\\\\'", JSON.stringify("\\")],
    ["'\\u00e9'", JSON.stringify("é")],
    ["'\\q\\u00zz'", JSON.stringify("qu00zz")],
    ["'price: {{ p }}'", JSON.stringify("price: {{ p }}")],
    ["[]", "[]"],
    ["[1, 2, 3,]", "[1, 2, 3]"],
    ["{}", "{}"],
    ["{a: 1, 'b c': 2, 3: x, 1.50: y,}", "{\"a\": 1, \"b c\": 2, \"3\": x, \"1.5\": y}"],
    ["{a, b}", "{\"a\", \"b\"}"],
    ["{in: 1, true: 2}", "{\"in\": 1, \"true\": 2}"],
    ["f({a: {b: 1}})", "(call f {\"a\": {\"b\": 1}})"],
    ["getCustomer()", "(call getCustomer)"],
    ["dump(a, )", "(call dump a)"],
  ])("%s", (text, expected) => expect(tree(text)).toBe(expected));

  it("keeps shorthand properties as identifier values", () => {
    const { expr } = parseExpression("{a}", 0);
    expect(expr).toMatchObject({ type: "Object", properties: [{ key: "a", shorthand: true, value: { type: "Identifier", name: "a", start: 1, end: 2 } }] });
  });
});

describe("absolute offsets", () => {
  it("offsets every node by base", () => {
    const { expr } = parseExpression(" a.b | default:'x' ", 100);
    expect(expr).toMatchObject({
      type: "Filter", start: 101, end: 118, nameStart: 107, nameEnd: 114,
      input: { type: "Member", start: 101, end: 104, object: { start: 101, end: 102 }, property: { start: 103, end: 104 } },
      args: [{ type: "Literal", value: "x", start: 115, end: 118 }],
    });
  });
  it("spans include parentheses of operands", () => {
    const { expr } = parseExpression("(a) + (b)", 0);
    expect(expr).toMatchObject({ type: "Binary", start: 0, end: 9, opStart: 4, opEnd: 5, written: "+", left: { start: 1, end: 2 }, right: { start: 7, end: 8 } });
  });
  it("records word operators as written and normalised", () => {
    const { expr } = parseExpression("a gte b", 0);
    expect(expr).toMatchObject({ type: "Binary", operator: ">=", written: "gte", opStart: 2, opEnd: 5 });
  });
  it("accepts line terminators and tabs as whitespace", () => {
    expect(tree("a\n+\tb\r\n")).toBe("(+ a b)");
  });
});
