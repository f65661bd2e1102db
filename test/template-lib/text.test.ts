// escapeHtml, toText (every row of SPEC §3.5), out and the code-point helpers.
import { describe, expect, it } from "vitest";
import { escapeHtml, out, toText, isPlainObject, toWellFormed, codePointLength } from "../../compiler/prelude/template-lib/index.js";

describe("escapeHtml", () => {
  it.each([
    ["&", "&amp;"], ["<", "&lt;"], [">", "&gt;"], ['"', "&quot;"], ["'", "&#39;"],
    [`a&b<c>d"e'f`, "a&amp;b&lt;c&gt;d&quot;e&#39;f"],
    ["<<>>", "&lt;&lt;&gt;&gt;"],
    ["x<", "x&lt;"], ["<x", "&lt;x"],
    ["", ""], ["plain text é 😀", "plain text é 😀"],
    ["{{ 7*7 }} @if( v-if=", "{{ 7*7 }} @if( v-if="],
    ["\uD800<", "\uD800&lt;"],
  ])("%j → %j", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it("returns the same string when nothing needs escaping", () => {
    const s = "nothing to escape here";
    expect(escapeHtml(s)).toBe(s);
  });
});

describe("toText (SPEC §3.5 table)", () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  it.each<[string, unknown, string]>([
    ["undefined", undefined, ""],
    ["null", null, ""],
    ["string", "abc", "abc"],
    ["number", 41.5, "41.5"],
    ["NaN", NaN, "NaN"],
    ["-0", -0, "0"],
    ["Infinity", Infinity, "Infinity"],
    ["true", true, "true"],
    ["false", false, "false"],
    ["Date", new Date(Date.UTC(2026, 9, 2, 9)), "2026-10-02T09:00:00.000Z"],
    ["invalid Date", new Date(NaN), ""],
    ["array", [1, "a", null], '[1,"a",null]'],
    ["plain object", { a: 1, b: [true] }, '{"a":1,"b":[true]}'],
    ["null-prototype object", Object.assign(Object.create(null), { k: "v" }), '{"k":"v"}'],
    ["cyclic", cyclic, ""],
    ["BigInt inside", { n: 1n }, ""],
    ["function", () => 1, ""],
    ["symbol", Symbol("s"), ""],
  ])("%s", (_name, value, expected) => {
    expect(toText(value)).toBe(expected);
  });
});

describe("out", () => {
  it.each<[unknown, string]>([
    ["<b>", "&lt;b&gt;"], [3, "3"], [-0, "0"], [null, ""], [undefined, ""], [false, "false"],
    [{ a: "<" }, '{&quot;a&quot;:&quot;&lt;&quot;}'], [["'"], "[&quot;&#39;&quot;]"],
  ])("%j → %j", (value, expected) => {
    expect(out(value)).toBe(expected);
  });
});

describe("helpers", () => {
  it("isPlainObject", () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
    expect(isPlainObject(null)).toBe(false);
    expect(isPlainObject("x")).toBe(false);
  });
  it("code points and lone surrogates", () => {
    expect(codePointLength("Zoë😀")).toBe(4);
    expect(codePointLength("\uD800x")).toBe(2);
    expect(toWellFormed("a\uD800b\uDC00c😀")).toBe("a\uFFFDb\uFFFDc😀");
    expect(toWellFormed("plain")).toBe("plain");
  });
});
