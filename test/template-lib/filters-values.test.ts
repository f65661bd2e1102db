// Number, currency, yes/no and collection filters of SPEC §3.7: table examples, toNumber and decimal rounding.
import { describe, expect, it } from "vitest";
import { filters, toNumber } from "../../compiler/prelude/template-lib/index.js";

type Case = [label: string, value: unknown, args: unknown[], expected: unknown];

function table(name: string, cases: Case[]): void {
  describe(name, () => {
    it.each(cases)("%s", (_label, value, args, expected) => {
      expect(filters[name](value, ...args)).toStrictEqual(expected);
    });
  });
}

describe("toNumber", () => {
  it.each<[unknown, number | undefined]>([
    [3, 3], [-0.5, -0.5], [NaN, undefined], [Infinity, undefined], [" 42 ", 42], ["+1.", 1], [".5", 0.5],
    ["-1e3", -1000], ["1E-2", 0.01], ["0x10", undefined], ["", undefined], ["1,000", undefined], ["abc", undefined],
    ["Infinity", undefined], ["1e999", undefined], [true, undefined], [null, undefined], [undefined, undefined], [[1], undefined],
  ])("%j → %j", (v, expected) => {
    expect(toNumber(v)).toBe(expected);
  });
});

table("round", [
  ["spec 2 places", 41.987, [2], 41.99], ["spec half up", 2.5, [], 3], ["1.005 → 1.01", 1.005, [2], 1.01],
  ["-2.5 → -3", -2.5, [0], -3], ["-0.4 → 0 (not -0)", -0.4, [], 0], ["numeric string", "2.45", [1], 2.5],
  ["1.45 → 1.5", 1.45, [1], 1.5], ["carry", 9.995, [2], 10], ["tiny exponent", 1.5e-7, [6], 0],
  ["tiny exponent up", 5e-7, [6], 0.000001], ["big", 1e21, [2], 1e21], ["integers", 7, [3], 7],
  ["not numeric: unchanged", "abc", [], "abc"], ["undefined", undefined, [], undefined], ["false", false, [], false],
  ["bad places: unchanged", 1.5, [21], 1.5], ["fractional places: unchanged", 1.5, [0.5], 1.5], ["zero", 0, [], 0],
]);
table("floor", [["spec", 4.7, [], 4], ["negative", -4.2, [], -5], ["string", "4.7", [], 4], ["NaN unchanged", NaN, [], NaN], ["text", "x", [], "x"]]);
table("ceil", [["up", 4.2, [], 5], ["null unchanged", null, [], null]]);
table("abs", [["spec", -3, [], 3], ["string", "-2.5", [], 2.5], ["undefined", undefined, [], undefined]]);

table("number_format", [
  ["spec", 1234.5, [], "1,234.50"], ["spec 0 places", 1234.5, [0], "1,235"], ["-0.001", -0.001, [], "0.00"],
  ["-0.005 rounds away", -0.005, [], "-0.01"], ["negative grouping", -1234567.891, [2], "-1,234,567.89"],
  ["1.005", 1.005, [2], "1.01"], ["three digits", 999, [0], "999"], ["carry into a new group", 999999.995, [], "1,000,000.00"],
  ["zero", 0, [], "0.00"], ["string", "1234", [1], "1,234.0"], ["big", 1e21, [0], "1,000,000,000,000,000,000,000"],
  ["not numeric: unchanged", "n/a", [], "n/a"], ["undefined", undefined, [], undefined], ["bad places", 1, ["x"], 1],
]);

table("currency", [
  ["spec USD default", 1234.56, [], "$1,234.56"], ["spec EUR lower-case", -5, ["eur"], "-€5.00"],
  ["USD", 1, ["USD"], "$1.00"], ["EUR", 249.5, ["EUR"], "€249.50"], ["GBP", 3.456, ["GBP"], "£3.46"],
  ["JPY 0 decimals", 1234.5, ["JPY"], "¥1,235"], ["KRW 0 decimals", 999.4, ["krw"], "₩999"], ["INR", 10, ["INR"], "₹10.00"],
  ["CNY", 10, ["CNY"], "CN¥10.00"], ["CAD", 10, ["CAD"], "CA$10.00"], ["AUD", 10, ["AUD"], "A$10.00"],
  ["NZD", 10, ["NZD"], "NZ$10.00"], ["MXN", 10, ["MXN"], "MX$10.00"], ["BRL", 10, ["BRL"], "R$10.00"],
  ["unknown code", 12, ["chf"], "CHF 12.00"], ["unknown negative", -12, ["CHF"], "-CHF 12.00"],
  ["non-string code → USD", 12, [42], "$12.00"], ["undefined code → USD", 12, [undefined], "$12.00"],
  ["negative zero after rounding", -0.001, [], "$0.00"], ["string value", "8.25", ["EUR"], "€8.25"],
  ["not numeric", "free", [], "free"], ["undefined", undefined, [], undefined],
]);

describe("yesno", () => {
  it.each<[string, unknown, unknown[], unknown]>([
    ["spec", 0, ["In stock", "Sold out"], "Sold out"], ["truthy 2 args", 3, ["In stock", "Sold out"], "In stock"],
    ["no args truthy", true, [], "yes"], ["no args falsy", "", [], "no"], ["no args null", null, [], "no"],
    ["2 args null is falsy", null, ["y", "n"], "n"], ["3 args null", null, ["y", "n", "?"], "?"],
    ["3 args undefined", undefined, ["y", "n", "?"], "?"], ["3 args false", false, ["y", "n", "?"], "n"],
    ["3 args 0", 0, ["y", "n", "?"], "n"], ["3 args truthy", "0", ["y", "n", "?"], "y"],
    ["3 args, third undefined", null, ["y", "n", undefined], undefined], ["empty array truthy", [], [], "yes"],
    ["1 arg (PC2007) does not throw", 1, ["Y"], "Y"],
  ])("%s", (_label, value, args, expected) => {
    expect(filters.yesno(value, ...args)).toBe(expected);
  });
});

table("join", [
  ["spec", ["a", "b"], [" / "], "a / b"], ["default separator", ["a", "b"], [], "a, b"],
  ["toText elements", [1, null, true, { a: 1 }], ["|"], '1||true|{"a":1}'], ["empty", [], [], ""],
  ["not an array", "abc", [], "abc"], ["undefined", undefined, [], undefined],
]);
table("sort", [
  ["spec numbers", [10, 9, 1], [], [1, 9, 10]], ["text by code units", ["b", "B", "a", "é"], [], ["B", "a", "b", "é"]],
  ["mixed as text", [10, "9", 1], [], [1, 10, "9"]], ["stable", [{ k: 1 }, { k: 1 }], [], [{ k: 1 }, { k: 1 }]],
  ["NaN last", [3, NaN, 1], [], [1, 3, NaN]], ["not an array", "cba", [], "cba"], ["null", null, [], null],
]);
describe("sort", () => {
  it("returns a copy and is stable", () => {
    const a = { n: "x" }, b = { n: "x" }; // equal text, distinct identity
    const input = [b, a];
    const out = filters.sort(input) as unknown[];
    expect(out).not.toBe(input);
    expect(out[0]).toBe(b);
    expect(out[1]).toBe(a);
    expect(input[0]).toBe(b);
  });
});
table("reverse", [
  ["spec", "hello", [], "olleh"], ["array copy", [1, 2, 3], [], [3, 2, 1]], ["emoji", "a😀b", [], "b😀a"],
  ["undefined", undefined, [], ""], ["number", 123, [], "321"],
]);
table("unique", [
  ["strings", ["a", "b", "a"], [], ["a", "b"]], ["NaN and zeros", [NaN, NaN, 0, -0], [], [NaN, 0]],
  ["not an array", "aa", [], "aa"],
]);
describe("unique", () => {
  it("spec: unique | join", () => {
    expect(filters.join(filters.unique(["a", "b", "a"]))).toBe("a, b");
  });
  it("objects by identity", () => {
    const o = { a: 1 };
    expect(filters.unique([o, o, { a: 1 }])).toStrictEqual([o, { a: 1 }]);
  });
});
