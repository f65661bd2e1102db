// Safe member access (SPEC §3.4.4): own properties only, string/array length, forbidden names, null bases.
import { describe, expect, it } from "vitest";
import { get } from "../../compiler/prelude/template-lib/index.js";

describe("get", () => {
  const obj = { a: 1, nested: { b: "x" }, zero: 0, undef: undefined };
  const withProto = Object.create({ inherited: "no" });
  withProto.own = "yes";
  const dataProto = JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}');
  const arr = ["p", "q", "r"];

  it.each<[string, unknown, unknown, unknown]>([
    ["own property", obj, "a", 1],
    ["falsy own property", obj, "zero", 0],
    ["missing property", obj, "nope", undefined],
    ["null base", null, "a", undefined],
    ["undefined base", undefined, "a", undefined],
    ["inherited method", {}, "toString", undefined],
    ["hasOwnProperty", {}, "hasOwnProperty", undefined],
    ["inherited data", withProto, "inherited", undefined],
    ["own beside inherited", withProto, "own", "yes"],
    ["__proto__", {}, "__proto__", undefined],
    ["own __proto__ key in data", dataProto, "__proto__", undefined],
    ["own constructor key in data", dataProto, "constructor", undefined],
    ["constructor", {}, "constructor", undefined],
    ["prototype of a function", function f() {}, "prototype", undefined],
    ["__defineGetter__", {}, "__defineGetter__", undefined],
    ["__lookupSetter__", {}, "__lookupSetter__", undefined],
    ["string index", "héllo", 1, "é"],
    ["string index as text", "abc", "2", "c"],
    ["string index past the end", "abc", 3, undefined],
    ["negative string index", "abc", -1, undefined],
    ["string length", "Zoë", "length", 3],
    ["string index is a UTF-16 unit", "😀", 0, "\uD83D"],
    ["string method", "abc", "toUpperCase", undefined],
    ["array index", arr, 1, "q"],
    ["array index as text", arr, "0", "p"],
    ["array length", arr, "length", 3],
    ["array method", arr, "map", undefined],
    ["array index out of range", arr, 9, undefined],
    ["number base", 5, "toFixed", undefined],
    ["boolean base", true, "x", undefined],
    ["null key", { null: "n" }, null, "n"],
  ])("%s", (_name, base, key, expected) => {
    expect(get(base, key)).toBe(expected);
  });

  it("reads through nested objects", () => {
    expect(get(get(obj, "nested"), "b")).toBe("x");
    expect(get(get(obj, "missing"), "b")).toBe(undefined);
  });

  it("does not throw on throwing getters or odd keys", () => {
    const bad = Object.defineProperty({}, "boom", { get() { throw new Error("x"); }, enumerable: true });
    expect(get(bad, "boom")).toBe(undefined);
    const badKey = { toString() { throw new Error("k"); } };
    expect(get({}, badKey)).toBe(undefined);
    expect(get({}, Symbol("s"))).toBe(undefined);
    const proxy = new Proxy({}, { getOwnPropertyDescriptor() { throw new Error("trap"); } });
    expect(get(proxy, "a")).toBe(undefined);
  });
});
