// Text filters of SPEC §3.7: every table example plus missing values, falsy values and code points vs UTF-16.
import { describe, expect, it } from "vitest";
import { filters } from "../../compiler/prelude/template-lib/index.js";

type Case = [label: string, value: unknown, args: unknown[], expected: unknown];

function table(name: string, cases: Case[]): void {
  describe(name, () => {
    it.each(cases)("%s", (_label, value, args, expected) => {
      expect(filters[name](value, ...args)).toStrictEqual(expected);
    });
  });
}

table("default", [
  ["spec: empty string", "", ["Guest"], "Guest"],
  ["undefined", undefined, ["Guest"], "Guest"],
  ["null", null, ["Guest"], "Guest"],
  ["0 is kept", 0, ["Guest"], 0],
  ["false is kept", false, ["Guest"], false],
  ["text is kept", "Ann", ["Guest"], "Ann"],
  ["chains: first non-empty wins", filters.default(undefined, ""), ["x"], "x"],
]);

table("default_if_none", [
  ["spec: empty string kept", "", ["0"], ""],
  ["undefined", undefined, ["0"], "0"],
  ["null", null, ["0"], "0"],
  ["false kept", false, ["0"], false],
]);

table("upper", [["spec", "ann", [], "ANN"], ["undefined", undefined, [], ""], ["number", 1.5, [], "1.5"], ["ß", "ß", [], "SS"]]);
table("lower", [["spec", "ANN", [], "ann"], ["null", null, [], ""], ["true", true, [], "true"]]);
table("capitalize", [
  ["spec", "mcKay", [], "McKay"], ["empty", "", [], ""], ["undefined", undefined, [], ""],
  ["astral first code point", "𐐨x", [], "𐐀x"], ["lone surrogate", "\uD800a", [], "\uD800a"],
]);
table("title", [
  ["spec", "trail tent for two", [], "Trail Tent For Two"],
  ["runs of whitespace kept", " a\t b\nc ", [], " A\t B\nC "],
  ["rest unchanged", "mcKAY o'neil", [], "McKAY O'neil"],
  ["null", null, [], ""],
]);
table("trim", [["spec", "  hi ", [], "hi"], ["undefined", undefined, [], ""], ["0", 0, [], "0"]]);
table("first", [
  ["spec array", ["a", "b"], [], "a"], ["spec text", "Zoë", [], "Z"], ["empty array", [], [], undefined],
  ["emoji", "😀x", [], "😀"], ["empty", "", [], ""], ["undefined", undefined, [], ""], ["number", 42, [], "4"],
]);
table("last", [
  ["spec text", "Zoë", [], "ë"], ["array", ["a", "b"], [], "b"], ["empty array", [], [], undefined],
  ["emoji", "x😀", [], "😀"], ["lone high surrogate at end", "x\uD83D", [], "\uD83D"], ["null", null, [], ""],
]);
table("slice", [
  ["spec text", "abcdef", [1, 3], "bc"], ["spec array", [1, 2, 3], [-2], [2, 3]],
  ["negative end", "abcdef", [1, -1], "bcde"], ["negative start", "abcdef", [-2], "ef"],
  ["code points", "😀a😀b", [1, 3], "a😀"], ["negative code points", "a😀b😀", [-2], "b😀"],
  ["numeric strings", "abcdef", ["1", "3"], "bc"],
  ["non-integer start: unchanged", "abcdef", [1.5], "abcdef"],
  ["non-numeric start: unchanged", [1, 2], ["x"], [1, 2]],
  ["undefined end given: unchanged", "abc", [0, undefined], "abc"],
  ["number value sliced as text", 12345, [1, 3], "23"], ["undefined value", undefined, [0, 2], ""],
]);
table("replace", [
  ["spec", "TENT-2", ["-", " "], "TENT 2"], ["every occurrence", "a.b.c", [".", "-"], "a-b-c"],
  ["no regex", "a.b", [".*", "x"], "a.b"], ["no $ patterns", "ab", ["a", "$&$&"], "$&$&b"],
  ["empty old", "abc", ["", "x"], "abc"], ["numbers as text", 1001, [0, 9], "1991"], ["undefined", undefined, ["a", "b"], ""],
]);
table("truncate", [
  ["spec", "abcdefgh", [5], "abcde..."], ["short enough", "abc", [5], "abc"], ["exactly N", "abcde", [5], "abcde"],
  ["zero", "abc", [0], "..."], ["code points", "😀😀😀", [2], "😀😀..."], ["emoji fits", "😀😀", [2], "😀😀"],
  ["negative N: unchanged", "abc", [-1], "abc"], ["non-integer N: unchanged", "abc", [1.5], "abc"], ["null", null, [3], ""],
]);
table("truncatewords", [
  ["spec", "one two three", [2], "one two..."], ["fewer words", "one two", [2], "one two"],
  ["whitespace runs", "  one \n two\tthree  ", [2], "one two..."], ["unchanged keeps spaces", " a  b ", [5], " a  b "],
  ["zero", "one", [0], "..."], ["empty", "", [0], ""], ["undefined", undefined, [2], ""], ["bad N", "a b", ["x"], "a b"],
]);
table("nl2br", [
  ["spec", "a<b\nc", [], "a&lt;b<br>\nc"], ["CRLF kept once", "a\r\nb\rc", [], "a<br>\r\nb<br>\rc"],
  ["undefined", undefined, [], ""], ["quotes escaped", `"'&`, [], "&quot;&#39;&amp;"],
]);
table("strip_tags", [
  ["spec", "<b>Hi</b> there", [], "Hi there"], ["comments", "a<!-- <b>x</b> -->b", [], "ab"],
  ["entities left", "&lt;b&gt; <br/>x", [], "&lt;b&gt; x"], ["lone <", "1 < 2 and 3>2", [], "1 < 2 and 3>2"],
  ["doctype and pi", "<!DOCTYPE html><?xml x?>t", [], "t"], ["null", null, [], ""],
]);
table("url_encode", [
  ["spec", "a b&c", [], "a%20b%26c"], ["unicode", "é", [], "%C3%A9"], ["lone surrogate", "a\uD800", [], "a%EF%BF%BD"],
  ["undefined", undefined, [], ""], ["number", 1.5, [], "1.5"],
]);
table("length", [
  ["spec", "Zoë", [], 3], ["array", [1, 2], [], 2], ["object", { a: 1, b: 2 }, [], 2], ["null", null, [], 0],
  ["undefined", undefined, [], 0], ["emoji", "😀😀", [], 2], ["number", 1234, [], 4], ["false", false, [], 5], ["empty", "", [], 0],
]);
table("size", [["same as length", "Zoë", [], 3], ["array", [], [], 0]]);
table("raw", [["spec", "<b>x</b>", [], "<b>x</b>"], ["undefined", undefined, [], undefined]]);
table("json", [
  ["spec", { a: "</script>" }, [], '{"a":"\\u003c/script\\u003e"}'],
  ["ampersand", "a&b", [], '"a\\u0026b"'], ["line separators", "\u2028\u2029", [], '"\\u2028\\u2029"'],
  ["undefined", undefined, [], "null"], ["number", 0, [], "0"], ["function", () => 1, [], "null"],
  ["date", new Date(0), [], '"1970-01-01T00:00:00.000Z"'],
]);

describe("json output", () => {
  it("parses back to the same value", () => {
    const v = { a: "<b>&</b>\u2028", n: [1, null, "'"] };
    expect(JSON.parse(filters.json(v) as string)).toStrictEqual(v);
  });
  it("does not throw on cycles or BigInt", () => {
    const c: Record<string, unknown> = {};
    c.c = c;
    expect(filters.json(c)).toBe("null");
    expect(filters.json(1n)).toBe("null");
  });
});
