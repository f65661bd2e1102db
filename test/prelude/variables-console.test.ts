// setVariable/getVariable (SPEC §4.4.6) and console formatting and caps (SPEC §4.4.7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const attempt = (code: string) => `(() => { try { return ${code}; } catch (e) { __pc.rethrow(e); return e.name + ": " + e.message; } })()`;

describe("setVariable / getVariable", () => {
  it("stores a JSON copy taken at call time; later changes do not show", async () => {
    const r = await sb.run({ units: [`const o = { a: [1], d: new Date(0), u: undefined }; setVariable("o", o); o.a.push(2); setVariable("read", getVariable("o"));`] });
    expect(r.effects).toEqual([
      { t: "var", key: "o", value: { a: [1], d: "1970-01-01T00:00:00.000Z" } },
      { t: "var", key: "read", value: { a: [1], d: "1970-01-01T00:00:00.000Z" } },
    ]);
  });
  it("undefined becomes null; keys of 1 and 200 characters are fine; user-tier keys work", async () => {
    const r = await sb.run({ units: [`setVariable("u", undefined); setVariable("k", 1); setVariable("k".repeat(200), 2); setVariable("user-tier", "gold");`] });
    expect(r.effects.map((e) => [e.key.length > 10 ? "long" : e.key, e.value])).toEqual([["u", null], ["k", 1], ["long", 2], ["user-tier", "gold"]]);
  });
  it.each(['""', '"k".repeat(201)', '"__proto__"', '"constructor"', '"prototype"', "1", "undefined"])("throws TypeError for key %s", async (key) => {
    const r = await sb.run({ units: [out(attempt(`setVariable(${key}, 1)`))] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: "TypeError: setVariable: key must be a string of 1-200 characters other than __proto__, constructor and prototype" }]);
  });
  it("throws TypeError for a value over 1 MiB of JSON text, or a cycle, and reports nothing", async () => {
    const r = await sb.run({ units: [`const c = {}; c.c = c; setVariable("out", [${attempt('setVariable("big", "a".repeat(1048575))')}, ${attempt('setVariable("max", "a".repeat(1048574))')}, ${attempt('setVariable("cyc", c)').replace(/^/, "")}].map(String).map((s) => s.slice(0, 60)));`] });
    const outVar = r.effects.find((e) => e.key === "out");
    expect(outVar.value[0]).toBe('TypeError: setVariable: value of "big" exceeds 1048576 bytes');
    expect(outVar.value[1]).toBe("undefined");
    expect(outVar.value[2]).toMatch(/^TypeError/);
    expect(r.effects.map((e) => e.key)).toEqual(["max", "out"]);
  });
  it("getVariable: this request's value, then the brand variable, then null", async () => {
    const r = await sb.run({
      variables: { brand: "Acme", company: { phone: "1" }, shadow: "brand" },
      units: [`setVariable("shadow", "mine");`, `const c = getVariable("company"); c.phone = "2"; setVariable("out", [getVariable("brand"), getVariable("company"), getVariable("shadow"), getVariable("none"), getVariable("__proto__"), getVariable("toString")]);`],
    });
    expect(r.effects.at(-1).value).toEqual(["Acme", { phone: "1" }, "mine", null, null, null]);
  });
  it("getVariable with a non-string key throws TypeError", async () => {
    const r = await sb.run({ units: [out(attempt("getVariable(1)"))] });
    expect(r.effects[0].value).toBe("TypeError: getVariable: key must be a string");
  });
});

describe("console", () => {
  it("levels and formatting", async () => {
    const r = await sb.run({
      units: [`console.log("a", 1, true, null, undefined); console.info({ b: [1, "x"] }); console.warn(new TypeError("bad"));
        const c = { n: 1 }; c.self = c; c.list = [c]; console.error(c); console.log(10n, Symbol("s"), function named() {}, [1, 2]); console.log();
        const shared = { x: 1 }; console.log({ a: shared, b: shared });`],
    });
    expect(r.logs).toEqual([
      { level: "info", text: "a 1 true null undefined" },
      { level: "info", text: '{"b":[1,"x"]}' },
      { level: "warn", text: "TypeError: bad" },
      { level: "error", text: '{"n":1,"self":"[Circular]","list":["[Circular]"]}' },
      { level: "info", text: "10 Symbol(s) [Function named] [1,2]" },
      { level: "info", text: "" },
      { level: "info", text: '{"a":{"x":1},"b":{"x":1}}' },
    ]);
  });
  it("cuts entries to 8,192 characters ending in …", async () => {
    const r = await sb.run({ units: [`console.log("a".repeat(8192)); console.log("b".repeat(8193));`] });
    expect(r.logs[0].text.length).toBe(8192);
    expect(r.logs[0].text.endsWith("a")).toBe(true);
    expect(r.logs[1].text).toBe("b".repeat(8191) + "…");
  });
  it("stops after maxLogEntries and adds one 'log limit reached' entry", async () => {
    const r = await sb.run({ units: [`for (let i = 0; i < 250; i++) console.log(i); setHeader("Host", "x");`] });
    expect(r.logs.length).toBe(201);
    expect(r.logs[199]).toEqual({ level: "info", text: "199" });
    expect(r.logs[200]).toEqual({ level: "warn", text: "log limit reached" });
  });
  it("honours a site maxLogEntries override", async () => {
    const r = await sb.run({ site: { id: "s", limits: { maxLogEntries: 3 } }, units: [`for (let i = 0; i < 5; i++) console.log(i);`] });
    expect(r.logs.map((l) => l.text)).toEqual(["0", "1", "2", "log limit reached"]);
  });
  it("a hostile getter does not break formatting", async () => {
    const r = await sb.run({ units: [`console.log({ get x() { throw new Error("no"); } }, "after");`] });
    expect(r.logs).toEqual([{ level: "info", text: "[Object] after" }]);
  });
  it("has only log, info, warn and error", async () => {
    const r = await sb.run({ units: [out("Object.keys(console).sort()")] });
    expect(r.effects[0].value).toEqual(["error", "info", "log", "warn"]);
  });
});
