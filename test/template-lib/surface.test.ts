// The library's surface: one filter per manifest name, frozen tables, dump, and "never throws" on arbitrary input.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FILTERS } from "../../compiler/prelude/template-lib/manifest.js";
import { filters, functions, dump, get, out, safeUrl, toText } from "../../compiler/prelude/template-lib/index.js";

describe("filter table", () => {
  it("has exactly the manifest's filters", () => {
    expect(Object.keys(filters).sort()).toEqual(Object.keys(FILTERS).sort());
  });
  it("is frozen and has no prototype", () => {
    expect(Object.isFrozen(filters)).toBe(true);
    expect(Object.getPrototypeOf(filters)).toBe(null);
    expect((filters as Record<string, unknown>).constructor).toBe(undefined);
  });
});

describe("dump", () => {
  it.each<[unknown, string | undefined]>([
    [{ a: 1, b: [2] }, '{\n  "a": 1,\n  "b": [\n    2\n  ]\n}'], [undefined, undefined], [null, "null"], ["x", '"x"'],
  ])("%j", (v, expected) => {
    expect(functions.dump(v)).toBe(expected);
  });
  it("does not throw on cycles or BigInt", () => {
    const c: Record<string, unknown> = {};
    c.c = c;
    expect(dump(c)).toBe(undefined);
    expect(dump({ n: 1n })).toBe(undefined);
  });
});

function revoked(): object {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
}

describe("never throws", () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const odd = fc.constantFrom<unknown>(
    cyclic, 1n, Symbol("s"), () => 1, new Date(NaN), NaN, -0, Infinity, Object.create(null), "\uD800", "\uDC00x",
    new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
    new Proxy({}, { getPrototypeOf() { throw new Error("trap"); } }),
    new Proxy([1], { get() { throw new Error("trap"); } }),
    { toJSON() { throw new Error("toJSON"); } },
  );
  const value = fc.oneof(fc.anything(), odd, fc.string({ unit: "binary" }), fc.date({ noInvalidDate: false }));

  it("filters, with any arguments", () => {
    fc.assert(fc.property(fc.constantFrom(...Object.keys(filters)), value, fc.array(value, { maxLength: 3 }), (name, v, args) => {
      filters[name](v, ...args);
    }), { numRuns: 3000 });
  });
  it("out, toText, get, safeUrl, dump", () => {
    fc.assert(fc.property(value, value, fc.string({ unit: "binary" }), (v, k, s) => {
      expect(typeof out(v)).toBe("string");
      expect(typeof toText(v)).toBe("string");
      get(v, k);
      expect(typeof safeUrl(s)).toBe("string");
      dump(v);
    }), { numRuns: 3000 });
  });
  it("a revoked proxy (kept out of fast-check, which probes its values)", () => {
    const r = revoked();
    for (const name of Object.keys(filters)) filters[name](r, r, r);
    expect(out(r)).toBe("");
    expect(get(r, "a")).toBe(undefined);
    expect(dump(r)).toBe(undefined);
  });
  it("string filters give well-formed results for lone surrogates", () => {
    for (const name of ["upper", "lower", "capitalize", "title", "trim", "first", "last", "reverse", "nl2br", "strip_tags", "url_encode", "json"]) {
      expect(typeof filters[name]("a\uD800b\uDFFF")).toBe("string");
    }
  });
});
