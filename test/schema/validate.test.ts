// SPEC §5.1–§5.5, table-driven. Every case runs on the interpreted schema and on its precompiled twin.
import { describe, expect, it } from "vitest";
import { S, precompile } from "./support.js";

type Case = [name: string, schema: () => any, input: unknown, errors: string[], value?: unknown];

function table(title: string, cases: Case[]) {
  describe(title, () => {
    for (const [name, make, input, errors, value] of cases) {
      it(name, () => {
        const schema = make();
        const expected = errors.length === 0 ? { valid: true, value, errors: [] } : { valid: false, value: null, errors };
        expect(schema.validate(input)).toStrictEqual(expected);
        expect(precompile(schema).validate(input)).toStrictEqual(expected);
      });
    }
  });
}

table("constructors and type errors (§5.1, §5.5)", [
  ["string accepts strings", () => S.string(), "hi", [], "hi"],
  ["string does not trim or convert", () => S.string(), " 42 ", [], " 42 "],
  ["string refuses numbers", () => S.string(), 42, ['"value" must be a string']],
  ["number accepts finite numbers", () => S.number(), 2.5, [], 2.5],
  ["number refuses NaN", () => S.number(), NaN, ['"value" must be a number']],
  ["number refuses Infinity", () => S.number(), Infinity, ['"value" must be a number']],
  ["number refuses booleans", () => S.number(), true, ['"value" must be a number']],
  ["number refuses text", () => S.number(), "hello", ['"value" must be a number']],
  ["boolean accepts booleans", () => S.boolean(), false, [], false],
  ["boolean refuses 1", () => S.boolean(), 1, ['"value" must be a boolean']],
  ["array accepts arrays (copied)", () => S.array(), [1, "a", { b: [2] }], [], [1, "a", { b: [2] }]],
  ["array refuses objects", () => S.array(), { 0: 1 }, ['"value" must be an array']],
  ["object refuses arrays", () => S.object(), [], ['"value" must be an object']],
  ["object refuses strings", () => S.object({ a: S.string() }), "x", ['"value" must be an object']],
  ["object without shape copies the whole object", () => S.object(), { a: 1, b: { c: [true] } }, [], { a: 1, b: { c: [true] } }],
  ["object with shape drops unknown keys", () => S.object({ a: S.number() }), { a: 1, z: 2 }, [], { a: 1 }],
  ["any gives a JSON copy", () => S.any(), { d: new Date(0), u: undefined, f: () => 1 }, [], { d: "1970-01-01T00:00:00.000Z" }],
  ["any: a function copies to null", () => S.any(), () => 1, [], null],
]);

table("conversions (§5.4)", [
  ['"42" → 42', () => S.number(), "42", [], 42],
  ['" 3.14 " → 3.14', () => S.number(), " 3.14 ", [], 3.14],
  ['"-.5" → -0.5', () => S.number(), "-.5", [], -0.5],
  ['"+1e3" → 1000', () => S.number(), "+1e3", [], 1000],
  ['"5." → 5', () => S.number(), "5.", [], 5],
  ['"." is not a number', () => S.number(), ".", ['"value" must be a number']],
  ['"1e" is not a number', () => S.number(), "1e", ['"value" must be a number']],
  ['"0x10" is not a number', () => S.number(), "0x10", ['"value" must be a number']],
  ['"1e999" overflows: not a number', () => S.number(), "1e999", ['"value" must be a number']],
  ['"Infinity" is not a number', () => S.number(), "Infinity", ['"value" must be a number']],
  ['"true" → true', () => S.boolean(), "true", [], true],
  ['"1" → true', () => S.boolean(), "1", [], true],
  ['"false" → false', () => S.boolean(), "false", [], false],
  ['"0" → false', () => S.boolean(), "0", [], false],
  ['"yes" is not a boolean', () => S.boolean(), "yes", ['"value" must be a boolean']],
  ['"on" is not a boolean', () => S.boolean(), "on", ['"value" must be a boolean']],
  ['"TRUE" is not a boolean', () => S.boolean(), "TRUE", ['"value" must be a boolean']],
  ["valid() applies after conversion", () => S.number().valid(1, 2), "2", [], 2],
  ["valid() after boolean conversion", () => S.boolean().valid(true), "0", ['"value" must be one of true']],
]);

table("emptiness, required and defaults (§5.3)", [
  ["undefined root is absent", () => S.string(), undefined, [], undefined],
  ["null root is absent", () => S.number(), null, [], undefined],
  ['"" is a value for strings', () => S.string(), "", [], ""],
  ['"" is empty for numbers', () => S.number(), "", [], undefined],
  ['"" is empty for booleans', () => S.boolean(), "", [], undefined],
  ['"" is empty for arrays', () => S.array(), "", [], undefined],
  ['"" is a value for any', () => S.any(), "", [], ""],
  ['"" is required for a required string', () => S.string().required(), "", ['"value" is required']],
  ['"" is required for a required any', () => S.any().required(), "", ['"value" is required']],
  ['"" is required for a required number', () => S.number().required(), "", ['"value" is required']],
  ["optional() undoes required()", () => S.string().required().optional(), undefined, [], undefined],
  ["default on empty", () => S.number().default(7), "", [], 7],
  ["default is not validated", () => S.number().min(10).default(3), null, [], 3],
  ["default beats required", () => S.string().required().default("x"), undefined, [], "x"],
  ['"" is not empty for strings, so no default', () => S.string().default("x"), "", [], ""],
  ["object and array defaults", () => S.object({ a: S.array().default([]), b: S.object().default({ k: 1 }) }), {}, [], { a: [], b: { k: 1 } }],
  ["absent keys are left out", () => S.object({ a: S.string(), b: S.number() }), { a: null, b: "" }, [], {}],
  ["absent elements become null", () => S.array().items(S.number()), [1, null, "", undefined], [], [1, null, null, null]],
  ["empty values skip all rules", () => S.string().min(3).email(), undefined, [], undefined],
  ['"" for a non-required string still meets the rules', () => S.string().min(1), "", ['"value" must be at least 1 character']],
]);

table("root rule (§5.3)", [
  ["validate(null) on an object schema", () => S.object({ weight: S.number().required() }), null, ['"weight" is required']],
  ["validate(undefined) gives defaults", () => S.object({ a: S.string().default("d") }), undefined, [], { a: "d" }],
  ["not with required()", () => S.object({ w: S.number().required() }).required(), null, ['"value" is required']],
  ["not with default()", () => S.object({ w: S.number().required() }).default(null), undefined, [], null],
  ['"" on an object root is empty', () => S.object({ w: S.number().required() }), "", [], undefined],
]);

table("string rules, in order (§5.2, §5.5)", [
  ["min", () => S.string().min(3), "ab", ['"value" must be at least 3 characters']],
  ["min 1 is singular", () => S.string().min(1).label("name"), "", ['"name" must be at least 1 character']],
  ["max", () => S.string().max(2), "abc", ['"value" must be at most 2 characters']],
  ["max 1 is singular", () => S.string().max(1), "ab", ['"value" must be at most 1 character']],
  ["UTF-16 length", () => S.string().max(1), "😀", ['"value" must be at most 1 character']],
  ["email", () => S.string().email(), "a@b", ['"value" must be a valid email address']],
  ["email ok", () => S.string().email(), "a.b@c.de", [], "a.b@c.de"],
  ["email over 254 characters", () => S.string().email(), "a".repeat(250) + "@b.co", ['"value" must be a valid email address']],
  ["url", () => S.string().url(), "ftp://x.com", ['"value" must be a valid http or https URL']],
  ["url ok, case-insensitive", () => S.string().url(), "HTTPS://Example.com:8080/a?b#c", [], "HTTPS://Example.com:8080/a?b#c"],
  ["url with userinfo", () => S.string().url(), "http://u@x.com", ['"value" must be a valid http or https URL']],
  ["url over 2048 characters", () => S.string().url(), "http://x.com/" + "a".repeat(2040), ['"value" must be a valid http or https URL']],
  ["pattern", () => S.string().pattern(/^\d{4}$/), "12a4", ['"value" has an invalid format']],
  ["lowercase", () => S.string().lowercase(), "Hello", ['"value" must be lowercase']],
  ["lowercase does not convert", () => S.string().lowercase(), "hello", [], "hello"],
  ["min before email regardless of call order", () => S.string().email().min(5), "a@b", ['"value" must be at least 5 characters']],
  ["valid before min", () => S.string().min(5).valid("ab"), "abc", ['"value" must be one of "ab"']],
  ["the first failing rule only", () => S.string().max(2).lowercase(), "ABC", ['"value" must be at most 2 characters']],
]);

table("number rules, in order", [
  ["integer", () => S.number().integer(), 1.5, ['"value" must be an integer']],
  ["positive", () => S.number().positive(), 0, ['"value" must be a positive number']],
  ["negative", () => S.number().negative(), 0, ['"value" must be a negative number']],
  ["min", () => S.number().min(50).label("weight"), 20, ['"weight" must be at least 50']],
  ["max with String(N)", () => S.number().max(0.5), 1, ['"value" must be at most 0.5']],
  ["integer before min", () => S.number().min(18).integer(), 17.5, ['"value" must be an integer']],
  ["positive before min", () => S.number().min(5).positive(), -1, ['"value" must be a positive number']],
  ["-0 is not positive", () => S.number().positive(), -0, ['"value" must be a positive number']],
]);

table("arrays", [
  ["min", () => S.array().min(2), [1], ['"value" must contain at least 2 items']],
  ["min 1 is singular", () => S.array().min(1), [], ['"value" must contain at least 1 item']],
  ["max", () => S.array().max(1), [1, 2], ['"value" must contain at most 1 item']],
  ["items at the root use [i]", () => S.array().items(S.string()), ["a", 1], ['"[1]" must be a string']],
  ["labelled array items", () => S.array().items(S.string()).label("Tags"), ["a", 1], ['"Tags[1]" must be a string']],
  ["min before items", () => S.array().min(3).items(S.string()), [1], ['"value" must contain at least 3 items']],
  ["stripped items are left out", () => S.array().items(S.number().strip()), [1, 2], [], []],
  ["nested arrays", () => S.object({ m: S.array().items(S.array().items(S.number())) }), { m: [[1], [2, "x"]] }, ['"m[1][1]" must be a number']],
  ["items convert", () => S.array().items(S.boolean()), ["1", "0", true], [], [true, false, true]],
]);

table("objects, paths and labels (§5.5)", [
  ["nested paths", () => S.object({ a: S.object({ b: S.string() }) }), { a: { b: 1 } }, ['"a.b" must be a string']],
  ["array of objects", () => S.object({ list: S.array().items(S.object({ n: S.number().required() })) }), { list: [{ n: 1 }, {}] }, ['"list[1].n" is required']],
  ["label replaces the whole path", () => S.object({ a: S.object({ b: S.string().label("Bee") }) }), { a: { b: 1 } }, ['"Bee" must be a string']],
  ["children of a label use it", () => S.object({ a: S.object({ b: S.string() }).label("A") }), { a: { b: 1 } }, ['"A.b" must be a string']],
  ["labelled root", () => S.object({ b: S.string() }).label("form"), { b: 1 }, ['"form.b" must be a string']],
  ["valid() message uses JSON.stringify", () => S.any().valid("a", 1, true, null), "b", ['"value" must be one of "a", 1, true, null']],
  ["shape order, depth-first", () => S.object({ b: S.string(), a: S.object({ c: S.number(), d: S.number() }) }), { a: { d: "x", c: "y" }, b: 1 }, ['"b" must be a string', '"a.c" must be a number', '"a.d" must be a number']],
  ["strip validates but removes", () => S.object({ a: S.string().strip(), b: S.string() }), { a: "x", b: "y" }, [], { b: "y" }],
  ["strip still reports errors", () => S.object({ a: S.string().strip() }), { a: 1 }, ['"a" must be a string']],
  ["pattern_values validates other keys in input order", () => S.object({ id: S.number() }).pattern_values(S.string().max(2)), { z: "ok", id: "3", a: "long" }, ['"a" must be at most 2 characters']],
  ["pattern_values keeps other keys", () => S.object({}).pattern_values(S.string()), { z: "1", a: "2" }, [], { z: "1", a: "2" }],
  ["pattern_values without shape", () => S.object().pattern_values(S.number()), { a: "1" }, [], { a: 1 }],
]);

describe("own properties and forbidden keys (§5.3)", () => {
  const admin = () => JSON.parse('{"__proto__":{"role":"admin"},"constructor":{"x":1},"prototype":1,"name":"n"}');
  const cases: Case[] = [
    ["__proto__ never satisfies required", () => S.object({ role: S.string().required() }), admin(), ['"role" is required']],
    ["inherited properties count as missing", () => S.object({ role: S.string().required() }), Object.create({ role: "admin" }), ['"role" is required']],
    ["never copied by pattern_values", () => S.object({}).pattern_values(S.any()), admin(), [], { name: "n" }],
    ["never copied by a shapeless object", () => S.object(), admin(), [], { name: "n" }],
    ["never copied by any()", () => S.any(), { a: admin() }, [], { a: { name: "n" } }],
    ["forbidden shape keys read as missing", () => S.object({ constructor: S.any().required() }), admin(), ['"constructor" is required']],
  ];
  for (const [name, make, input, errors, value] of cases) {
    it(name, () => {
      const expected = errors.length === 0 ? { valid: true, value, errors: [] } : { valid: false, value: null, errors };
      expect(make().validate(input)).toStrictEqual(expected);
      expect(precompile(make()).validate(input)).toStrictEqual(expected);
    });
  }
  it("the output never gets a polluted prototype", () => {
    const r = S.object({}).pattern_values(S.any()).validate(admin());
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(({} as any).role).toBeUndefined();
  });
});
