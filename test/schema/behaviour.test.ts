// SPEC §5.2/§5.3/§5.6 behaviour beyond single messages: immutability, argument TypeErrors, default copies,
// custom checks, pattern lastIndex, the 100-error cap, copies vs input, and linear-time email/url checks.
import { describe, expect, it } from "vitest";
import { schemaHelpers, withPrecompiledValidate } from "../../compiler/prelude/schema/index.js";
import { S, precompile } from "./support.js";

describe("immutability (§5.2)", () => {
  it("a shared base specialised twice stays unchanged", () => {
    const base = S.string().min(2);
    const a = base.required().label("A");
    const b = base.max(3);
    expect(base.validate(undefined)).toStrictEqual({ valid: true, value: undefined, errors: [] });
    expect(base.validate("abcd").valid).toBe(true);
    expect(a.validate(undefined).errors).toEqual(['"A" is required']);
    expect(b.validate("abcd").errors).toEqual(['"value" must be at most 3 characters']);
    expect(b.validate(undefined).valid).toBe(true);
  });
  it("schemas are frozen; methods missing for a type are undefined", () => {
    const n = S.number();
    expect(Object.isFrozen(n)).toBe(true);
    expect(n.email).toBeUndefined();
    expect(() => n.email()).toThrow(TypeError);
    expect(() => { "use strict"; (n as any).validate = null; }).toThrow(TypeError);
    expect(S.boolean().min).toBeUndefined();
    expect(S.object().items).toBeUndefined();
    expect(S.array().pattern_values).toBeUndefined();
    expect(Object.isFrozen(S)).toBe(true);
  });
  it("a later shape mutation does not change the schema", () => {
    const shape: Record<string, unknown> = { a: S.string() };
    const o = S.object(shape);
    shape.b = S.string().required();
    expect(o.validate({}).valid).toBe(true);
  });
  it("the last min/max/pattern/valid call wins", () => {
    expect(S.string().min(5).min(1).validate("ab").valid).toBe(true);
    expect(S.string().valid("a").valid("b").validate("a").errors).toEqual(['"value" must be one of "b"']);
  });
});

describe("argument checks throw TypeError (§5.2)", () => {
  const bad: Array<[string, () => unknown]> = [
    ["label(5)", () => S.string().label(5)],
    ["valid()", () => S.string().valid()],
    ["valid({})", () => S.string().valid({})],
    ["valid(undefined)", () => S.string().valid(undefined)],
    ["string min(-1)", () => S.string().min(-1)],
    ["string max(1.5)", () => S.string().max(1.5)],
    ["array min('2')", () => S.array().min("2")],
    ["number min(NaN)", () => S.number().min(NaN)],
    ["number max(Infinity)", () => S.number().max(Infinity)],
    ["pattern('^a$')", () => S.string().pattern("^a$")],
    ["items({})", () => S.array().items({})],
    ["pattern_values(1)", () => S.object().pattern_values(1)],
    ["custom('x')", () => S.any().custom("x")],
    ["default()", () => S.any().default()],
    ["default(cyclic)", () => { const c: any = {}; c.c = c; return S.any().default(c); }],
    ["object(null)", () => S.object(null)],
    ["object([])", () => S.object([])],
    ["object({ a: 1 })", () => S.object({ a: 1 })],
    ["detached method", () => { const { required } = S.string(); return required(); }],
  ];
  for (const [name, f] of bad) it(name, () => expect(f).toThrow(TypeError));
  it("number bounds may be negative or fractional", () => {
    expect(S.number().min(-1.5).validate(-1).valid).toBe(true);
  });
  it("withPrecompiledValidate refuses non-schemas", () => {
    expect(() => withPrecompiledValidate({}, () => 1)).toThrow(TypeError);
  });
});

describe("defaults are JSON copies (§5.2)", () => {
  it("later mutation of the argument or of a result cannot change the default", () => {
    const arg = { tags: ["a"], when: new Date(0) };
    const s = S.object({ d: S.object().default(arg) });
    arg.tags.push("b");
    const first = s.validate({}).value;
    expect(first).toStrictEqual({ d: { tags: ["a"], when: "1970-01-01T00:00:00.000Z" } });
    first.d.tags.push("c");
    expect(s.validate({}).value).toStrictEqual({ d: { tags: ["a"], when: "1970-01-01T00:00:00.000Z" } });
    const p = precompile(s);
    p.validate({}).value.d.tags.push("z");
    expect(p.validate({}).value).toStrictEqual({ d: { tags: ["a"], when: "1970-01-01T00:00:00.000Z" } });
  });
  it("default(undefined) stores null", () => {
    expect(S.any().default(undefined).validate(undefined).value).toBeNull();
  });
});

describe("results are sanitised copies (§5.3)", () => {
  it("shares no object with the input and never modifies it", () => {
    const input = { list: [{ a: 1 }], any: { deep: { x: [1] } }, obj: { k: "v" } };
    const snapshot = JSON.stringify(input);
    for (const s of [
      S.object({ list: S.array().items(S.object({ a: S.number() })), any: S.any(), obj: S.object() }),
      S.object({ list: S.array(), any: S.any(), obj: S.object({}).pattern_values(S.string()) }),
    ]) {
      for (const v of [s.validate(input).value, precompile(s).validate(input).value]) {
        expect(v).toStrictEqual(input);
        expect(v.list).not.toBe(input.list);
        expect(v.list[0]).not.toBe(input.list[0]);
        expect(v.any.deep).not.toBe(input.any.deep);
        expect(v.obj).not.toBe(input.obj);
      }
    }
    expect(JSON.stringify(input)).toBe(snapshot);
  });
  it("result objects have exactly valid, value, errors", () => {
    expect(Object.keys(S.string().validate("x"))).toEqual(["valid", "value", "errors"]);
    expect(Object.keys(S.string().validate(1))).toEqual(["valid", "value", "errors"]);
  });
});

describe("custom(fn) (§5.6)", () => {
  it("gets the converted value and the label without quotes; runs in order, stops at the first error", () => {
    const calls: unknown[] = [];
    const s = S.object({
      when: S.number().label("When")
        .custom((v: unknown, l: string) => { calls.push(["first", v, l]); return undefined; })
        .custom((_v: unknown, l: string) => { calls.push(["second"]); return l + " must be a valid date"; })
        .custom(() => { calls.push(["third"]); return "never"; }),
    });
    expect(s.validate({ when: "5" }).errors).toEqual(["When must be a valid date"]);
    expect(calls).toEqual([["first", 5, "When"], ["second"]]);
  });
  it("non-string or empty results pass", () => {
    for (const r of [undefined, "", 0, false, null, {}]) expect(S.any().custom(() => r).validate(1).valid).toBe(true);
  });
  it("runs only when nothing inside failed, on the sanitised copy", () => {
    let seen: unknown;
    const s = S.object({ a: S.number() }).custom((v: unknown) => { seen = v; return ""; });
    s.validate({ a: "x" });
    expect(seen).toBeUndefined();
    s.validate({ a: "2", z: 1 });
    expect(seen).toStrictEqual({ a: 2 });
    let called = false;
    S.string().min(3).custom(() => { called = true; }).validate("a");
    S.string().custom(() => { called = true; }).validate(undefined);
    S.string().required().custom(() => { called = true; }).validate("");
    expect(called).toBe(false);
  });
  it("a throwing custom check propagates", () => {
    expect(() => S.any().custom(() => { throw new RangeError("boom"); }).validate(1)).toThrow(RangeError);
  });
  it("chaining custom() on a precompiled schema gives an interpreted one that runs it", () => {
    const p = precompile(S.string().min(1));
    expect(p.custom(() => "nope").validate("x").errors).toEqual(["nope"]);
    expect(p.validate("x").valid).toBe(true);
  });
});

describe("pattern() resets lastIndex (§5.2)", () => {
  it("a /g regex gives the same answer every time", () => {
    const re = /a/g;
    const s = S.string().pattern(re);
    const p = precompile(s);
    for (let i = 0; i < 4; i++) {
      expect(s.validate("xa").valid).toBe(true);
      expect(p.validate("xa").valid).toBe(true);
    }
    re.lastIndex = 5;
    expect(s.validate("a").valid).toBe(true);
  });
});

describe("the 100-error cap (§5.3, §9)", () => {
  it("stops at 100 messages", () => {
    const s = S.object({ list: S.array().items(S.number()), tail: S.string().required() });
    const data = { list: Array.from({ length: 150 }, () => "x") };
    for (const r of [s.validate(data), precompile(s).validate(data)]) {
      expect(r.errors).toHaveLength(100);
      expect(r.errors[99]).toBe('"list[99]" must be a number');
      expect(r.value).toBeNull();
    }
  });
  it("stops before later custom checks run", () => {
    let ran = false;
    const s = S.object({ list: S.array().items(S.number()), z: S.any().custom(() => { ran = true; }) });
    s.validate({ list: Array.from({ length: 100 }, () => "x"), z: 1 });
    expect(ran).toBe(false);
  });
});

describe("linear time on adversarial input (§5.3)", () => {
  const inputs = [
    "a".repeat(100_000) + "@",
    "a@" + "a.".repeat(50_000),
    "@".repeat(100_000),
    "http://" + "a".repeat(100_000) + "!",
    "http://x.com/" + " ".repeat(100_000),
    "1".repeat(100_000) + "x",
    "1".repeat(50_000) + "." + "1".repeat(50_000) + "e",
  ];
  it("email, url and number checks finish fast on 100k-character inputs", () => {
    const schemas = [S.string().email(), S.string().url(), S.number(), S.array().items(S.string().email())];
    const t0 = performance.now();
    for (const s of schemas) for (const x of inputs) {
      const data = s === schemas[3] ? [x] : x;
      expect(s.validate(data).valid).toBe(false);
      expect(precompile(s).validate(data).valid).toBe(false);
    }
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it("the numeric scanner agrees with the §5.4 regular expression", () => {
    const re = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
    const samples = ["1", "+1", "-", "+", ".", "1.", ".1", "-.1e5", "1e+", "1e-3", "1E3", "1.2.3", "e5", "12e", "", "0x1", "1_0", "١", " 1"];
    for (const t of samples) expect([t, schemaHelpers.num(t) !== undefined]).toEqual([t, re.test(t.trim()) && Number.isFinite(Number(t.trim()))]);
  });
});
