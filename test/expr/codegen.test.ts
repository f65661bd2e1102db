// Code generation: evaluate the generated JavaScript with small stubs for $get/$f/$call and compare values with
// JavaScript semantics (SPEC §3.4.4): truthiness, ==, string concatenation, safe member access.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseExpression } from "../../compiler/expr/parse.js";
import { compileExpression, isRawOutput, stripTrailingRaw } from "../../compiler/expr/codegen.js";
import type { Identifier } from "../../compiler/expr/ast.js";
import { show } from "./show.js";

const FORBIDDEN = ["__proto__", "constructor", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"];
function $get(o: unknown, k: unknown): unknown {
  if (o === null || o === undefined) return undefined;
  const key = String(k);
  if (FORBIDDEN.includes(key)) return undefined;
  if (key === "length" && (typeof o === "string" || Array.isArray(o))) return o.length;
  return Object.hasOwn(Object(o), key) ? (o as Record<string, unknown>)[key] : undefined;
}
const $f = {
  upper: (v: unknown) => String(v ?? "").toUpperCase(),
  default: (v: unknown, d: unknown) => (v === undefined || v === null || v === "" ? d : v),
  join: (v: unknown, sep: unknown = ", ") => (Array.isArray(v) ? v.join(String(sep)) : v),
  slice: (v: string, a: number, b?: number) => v.slice(a, b),
};
const calls: { name: string; pos: number; args: unknown[] }[] = [];
const fns: Record<string, (...a: unknown[]) => unknown> = {
  dump: (v) => JSON.stringify(v, null, 2),
  getCustomer: () => ({ name: "Ann" }),
  boom: () => { throw new Error("x"); },
};
function $call(name: string, pos: number, args: unknown[]): unknown {
  calls.push({ name, pos, args });
  try { return fns[name](...args); } catch { return undefined; }
}

const resolveScope = (id: Identifier) => `$s[${JSON.stringify(id.name)}]`;
function js(text: string, resolve = resolveScope): string {
  const { expr, errors } = parseExpression(text, 0);
  expect(errors.filter((e) => e.code === "PC1020")).toEqual([]);
  return compileExpression(expr!, resolve);
}
function run(text: string, scope: Record<string, unknown> = {}): unknown {
  return new Function("$get", "$prop", "$f", "$call", "$s", `return ${js(text)};`)($get, $get, $f, $call, scope);
}

describe("values follow JavaScript semantics", () => {
  const s = { zero: 0, empty: "", str: "x", n3: "3", u: undefined, nul: null, arr: [1, 2], obj: { a: { b: 5 } }, t: true };
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 2 - 3", 5],
    ["2 * 3 % 4", 2],
    ["8 / 2 / 2", 2],
    ["1 - -1", 2],
    ["- -1", 1],
    ["-n3", -3],
    ["str + u", "xundefined"],
    ["str + nul", "xnull"],
    ["'a' + 1 + 2", "a12"],
    ["1 + 2 + 'a'", "3a"],
    ["zero == empty", true],
    ["zero eq empty", true],
    ["zero === empty", false],
    ["nul == u", true],
    ["nul neq u", false],
    ["nul !== u", true],
    ["'10' < '9'", true],
    ["10 lt 9", false],
    ["3 gte n3", true],
    ["zero and str", 0],
    ["zero && str", 0],
    ["empty or 'y'", "y"],
    ["str || 'y'", "x"],
    ["not arr", false],
    ["!empty", true],
    ["not not obj", true],
    ["!!'0'", true],
    ["t ? 'yes' : 'no'", "yes"],
    ["empty ? 'yes' : 'no'", "no"],
    ["zero ? 1 : empty ? 2 : 3", 3],
    ["obj.a.b", 5],
    ["obj['a']['b']", 5],
    ["nul.a.b", undefined],
    ["u.x", undefined],
    ["missing.deep.path", undefined],
    ["obj.toString", undefined],
    ["obj.hasOwnProperty", undefined],
    ["str.length", 1],
    ["arr.length", 2],
    ["arr[1]", 2],
    ["'abc'[1]", "b"],
    ["obj[k]", undefined],
    ["1e3", 1000],
    ["2.5E-1", 0.25],
    ["1e999", Infinity],
    ["'<\\/script>\\u2028'", "</script>\u2028"],
    ["str | upper", "X"],
    ["u | default:'Guest'", "Guest"],
    ["u | default:-1", -1],
    ["arr | join:' / '", "1 / 2"],
    ["arr | join", "1, 2"],
    ["'abcdef' | slice(1, 3)", "bc"],
    ["str | raw", "x"],
    ["zero ? 'a' : 'b' | upper", "B"],
    ["getCustomer().name", "Ann"],
    ["boom()", undefined],
    ["dump(arr)", "[\n  1,\n  2\n]"],
  ])("%s", (text, expected) => {
    expect(run(text, s)).toEqual(expected);
  });

  it("builds plain arrays and objects", () => {
    expect(run("[1, 'a', [str], ]", { str: "x" })).toEqual([1, "a", ["x"]]);
    const o = run("{a: 1, 'b c': str, 2: [], str}", { str: "x" }) as object;
    expect(o).toEqual({ a: 1, "b c": "x", 2: [], str: "x" });
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });

  it("cannot set a prototype through an object key, even if compiled despite PC2006", () => {
    const o = run("{__proto__: {polluted: 1}}") as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.hasOwn(o, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("passes the function name and the call's start offset to $call", () => {
    calls.length = 0;
    run("  dump(1)");
    expect(calls).toEqual([{ name: "dump", pos: 2, args: [1] }]);
  });
});

describe("generated code shape", () => {
  it.each([
    ["a.b", '$prop($s["a"], "b")'],
    ["a[b]", '$get($s["a"], $s["b"])'],
    ["a[0]", '$get($s["a"], 0)'],
    ["x | default:'y'", '$f.default($s["x"], "y")'],
    ["x | slice:1:2", '$f.slice($s["x"], 1, 2)'],
    ["getSessionItem('k')", '$call("getSessionItem", 0, ["k"])'],
    ["not a", '(!$s["a"])'],
    ["a eq b", '($s["a"] == $s["b"])'],
    ["a and b or c", '(($s["a"] && $s["b"]) || $s["c"])'],
    ["x | raw", '$s["x"]'],
    ["x | unknownfilter", "(void 0)"],
    ["x | constructor", "(void 0)"],
  ])("%s → %s", (text, expected) => expect(js(text)).toBe(expected));

  it("parenthesises identifiers that resolve to composite code", () => {
    expect(js("a + 1", () => "x || y")).toBe("((x || y) + 1)");
    expect(js("a.b", () => "$loop.item")).toBe('$prop($loop.item, "b")');
  });
});

describe("raw output helpers", () => {
  const p = (t: string) => parseExpression(t, 0).expr!;
  it.each([
    ["x | raw", true, "x"],
    ["x | nl2br | raw", true, "(|nl2br x)"],
    ["x | raw | raw", true, "x"],
    ["x | raw | upper", false, "(|upper (|raw x))"],
    ["(x | raw) + 1", false, "(+ (|raw x) 1)"],
    ["x", false, "x"],
  ])("%s", (text, raw, stripped) => {
    expect(isRawOutput(p(text))).toBe(raw);
    expect(show(stripTrailingRaw(p(text)))).toBe(stripped);
  });
});

describe("property: generated code agrees with JavaScript on random operator trees", () => {
  const leaf = fc.constantFrom("0", "1", "2.5", "''", "'a'", "'10'", "true", "false", "null", "u", "arr", "obj");
  const ops = ["+", "-", "*", "/", "%", "==", "!=", "===", "!==", "<", "<=", ">", ">=", "&&", "||"];
  const words: Record<string, string> = { "==": "eq", "!=": "neq", "<": "lt", "<=": "lte", ">": "gt", ">=": "gte", "&&": "and", "||": "or" };
  const tree = fc.letrec<{ e: [string, string] }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf.map((l) => [l, l] as [string, string]),
      fc.tuple(tie("e"), fc.constantFrom(...ops), tie("e"), fc.boolean()).map(([[lt, lj], op, [rt, rj], w]) => [
        `(${lt} ${w && words[op] ? words[op] : op} ${rt})`, `(${lj} ${op} ${rj})`] as [string, string]),
      fc.tuple(fc.constantFrom("!", "not ", "-"), tie("e")).map(([op, [t, j]]) => [`(${op}${t})`, `(${op === "not " ? "!" : op}${j})`] as [string, string]),
      fc.tuple(tie("e"), tie("e"), tie("e")).map(([[a, ja], [b, jb], [c, jc]]) => [`(${a} ? ${b} : ${c})`, `(${ja} ? ${jb} : ${jc})`] as [string, string]),
    ),
  })).e;
  it("matches", () => {
    const scope = { u: undefined, arr: [1], obj: { a: 1 } };
    fc.assert(fc.property(tree, ([template, javascript]) => {
      const expected = new Function("u", "arr", "obj", `return ${javascript};`)(scope.u, scope.arr, scope.obj);
      expect(Object.is(run(template, scope), expected) || run(template, scope) === expected).toBe(true);
    }), { numRuns: 300 });
  });
});
