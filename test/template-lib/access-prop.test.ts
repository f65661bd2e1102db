// prop(): the accessor for literal member names must agree with get() on every base and key it can receive.
import { describe, it, expect } from "vitest";
import { get, prop } from "../../compiler/prelude/template-lib/index.js";

describe("prop", () => {
  const bases: unknown[] = [null, undefined, 0, 1.5, true, "abc", "", [1, 2], [], { a: 1, length: 3 }, Object.create({ a: 2 }), Object.assign(Object.create(null), { a: 3 }), new Date(0), () => 1];
  const keys = ["a", "length", "0", "1", "toString", "valueOf", "missing"];
  it("matches get() for non-forbidden literal keys", () => {
    for (const b of bases) for (const k of keys) expect(prop(b, k)).toBe(get(b, k));
  });
  it("swallows throwing getters", () => {
    const o = Object.defineProperty({}, "x", { get() { throw new Error("no"); }, enumerable: true });
    expect(prop(o, "x")).toBeUndefined();
  });
});
