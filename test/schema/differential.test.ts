// Differential test (SPEC §8.7): random schemas × random inputs, precompiled (generated source evaluated
// with `new Function`) against interpreted. Results must be deep-equal, including errors and their order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { S, precompile } from "./support.js";

type Recipe = { ctor: string; shape?: Array<[string, Recipe]>; steps: Array<[string, unknown[]]> };

const KEYS = ["a", "b", "name", "x y", "constructor", "__proto__", "0", ""];
const PRIMS = [null, "", "a", "A", "0", "1", "true", "false", " 3.5 ", "-2", "1e3", "lbs", "kg", 0, 1, -1, 2.5, 18, 100, true, false];
const PATTERNS = [/^\d{4}$/, /a/g, /^[a-z]+$/i, /b/y, /(?:x|y)+/];
const STRINGS = ["a@b.co", "nope", "http://example.com/a?b#c", "https://x.io:8080", "ftp://x", "Hello", "hello", "1234", "", " 42 ", "abc", "x".repeat(25)];

const common: fc.Arbitrary<[string, unknown[]]>[] = [
  fc.constant(["required", []]),
  fc.constant(["optional", []]),
  fc.constant(["strip", []]),
  fc.tuple(fc.constant("default"), fc.tuple(fc.oneof(fc.constantFrom(...PRIMS), fc.constant({ k: [1, "x"] }), fc.constant([])))),
  fc.tuple(fc.constant("label"), fc.tuple(fc.constantFrom("Label", "item", ""))),
  fc.tuple(fc.constant("valid"), fc.array(fc.constantFrom(...PRIMS), { minLength: 1, maxLength: 3 })),
];
const bound = (name: string, arb: fc.Arbitrary<number>) => fc.tuple(fc.constant(name), fc.tuple(arb)) as fc.Arbitrary<[string, unknown[]]>;
const plain = (...names: string[]) => names.map((n) => fc.constant([n, []] as [string, unknown[]]));
const size = fc.integer({ min: 0, max: 5 });
const extra: Record<string, fc.Arbitrary<[string, unknown[]]>[]> = {
  string: [bound("min", size), bound("max", size), ...plain("email", "url", "lowercase"),
    fc.tuple(fc.constant("pattern"), fc.tuple(fc.constantFrom(...PATTERNS)))],
  number: [bound("min", fc.constantFrom(-1, 0, 2.5, 18)), bound("max", fc.constantFrom(-1, 0, 100)), ...plain("integer", "positive", "negative")],
  array: [bound("min", size), bound("max", size)],
  boolean: [], object: [], any: [],
};

const recipe: fc.Arbitrary<Recipe> = fc.letrec<{ r: Recipe }>((tie) => ({
  r: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    ...["string", "number", "boolean", "any"].map((ctor) =>
      fc.array(fc.oneof(...common, ...extra[ctor]), { maxLength: 4 }).map((steps) => ({ ctor, steps }))),
    fc.tuple(fc.array(fc.oneof(...common, ...extra.array), { maxLength: 3 }), fc.option(tie("r"), { nil: undefined }))
      .map(([steps, items]) => ({ ctor: "array", steps: items ? [...steps, ["items", [items]] as [string, unknown[]]] : steps })),
    fc.tuple(fc.option(fc.array(fc.tuple(fc.constantFrom(...KEYS), tie("r")), { maxLength: 4 }), { nil: undefined }),
      fc.array(fc.oneof(...common), { maxLength: 2 }), fc.option(tie("r"), { nil: undefined }))
      .map(([shape, steps, pv]) => ({ ctor: "object", shape, steps: pv ? [...steps, ["pattern_values", [pv]] as [string, unknown[]]] : steps })),
  ),
})).r;

function build(r: Recipe): any {
  let s: any;
  if (r.ctor === "object" && r.shape) {
    const shape: Record<string, unknown> = {};
    for (const [k, child] of r.shape) Object.defineProperty(shape, k, { value: build(child), enumerable: true, configurable: true, writable: true });
    s = S.object(shape);
  } else s = S[r.ctor]();
  for (const [name, args] of r.steps) {
    const real = args.map((a) => (a && typeof a === "object" && "ctor" in (a as object) ? build(a as Recipe) : a));
    s = s[name](...real);
  }
  return s;
}

const input: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(undefined, ...PRIMS, ...STRINGS, NaN, Infinity, -0, 1e400),
    fc.double(), fc.string(),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS, "c", "d"), tie("v"), { maxKeys: 4 }).map((o) => JSON.parse(JSON.stringify(o) ?? "null")),
    fc.dictionary(fc.constantFrom(...KEYS), tie("v"), { maxKeys: 4 }),
  ),
})).v;

describe("precompiled = interpreted", () => {
  it("random schemas and inputs", () => {
    fc.assert(
      fc.property(recipe, fc.array(input, { minLength: 1, maxLength: 8 }), (r, datas) => {
        const interpreted = build(r);
        const compiled = precompile(interpreted);
        for (const d of datas) expect(compiled.validate(d)).toStrictEqual(interpreted.validate(d));
      }),
      { numRuns: 3000 },
    );
  });

  it("the error cap, with long arrays of bad elements", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 260 }), fc.boolean(), (n, nested) => {
        const item = nested ? S.object({ a: S.number().required(), b: S.string().required() }) : S.number().required();
        const schema = S.object({ list: S.array().items(item), after: S.string().required() });
        const data = { list: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? {} : "x")) };
        const a = schema.validate(data);
        expect(precompile(schema).validate(data)).toStrictEqual(a);
        expect(a.errors.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });

  it("the spec's schemas on random inputs", () => {
    const schemas = [
      S.object({
        weight: S.number().required().min(50).max(500),
        unit: S.string().valid("lbs", "kg").default("lbs"),
        mood: S.string().valid("great", "ok", "rough").default("ok"),
        note: S.string().max(280).default(""),
      }),
      S.object({ email: S.string().required().email(), pin: S.string().required().pattern(/^\d{4}$/) }),
      S.object({
        email: S.string().required().email(),
        age: S.number().integer().min(18),
        plan: S.string().valid("free", "pro").default("free"),
        tags: S.array().items(S.string().max(20)).max(3).default([]),
      }),
    ];
    const field = fc.oneof(input, fc.constantFrom("182.5", "20", "stone", "kg", "sam@example.com", "4321", "12a4"));
    const body = fc.oneof(input, fc.dictionary(fc.constantFrom("weight", "unit", "mood", "note", "email", "pin", "age", "plan", "tags", "extra"), field));
    for (const schema of schemas) {
      const compiled = precompile(schema);
      fc.assert(fc.property(body, (d) => { expect(compiled.validate(d)).toStrictEqual(schema.validate(d)); }), { numRuns: 1000 });
    }
  });
});
