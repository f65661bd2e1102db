// The global object after the prelude: golden list of names, pagec globals locked down, removed built-ins,
// no host Reference reachable, and the entry function refusing a second init or script phase.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ivm from "isolated-vm";
import { Sandbox, WALK, buildPrelude, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const GOLDEN = ["AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "DataView", "Date", "Error", "EvalError", "FinalizationRegistry", "Float32Array", "Float64Array", "Function", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "JSON", "Map", "Math", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp", "Schema", "Set", "String", "Symbol", "SyntaxError", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap", "WeakRef", "WeakSet", "__pagec_define", "__pagec_prelude", "addCrmFieldValue", "clearCrmEntries", "clearSessionItem", "console", "cookie", "customer", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "eval", "getCrmEntries", "getCrmField", "getCrmFieldValues", "getCrmFields", "getCustomer", "getSessionItem", "getVariable", "globalThis", "isFinite", "isNaN", "is_customer", "parseFloat", "parseInt", "redirect", "request", "response", "session", "setCrmField", "setCrmFields", "setHeader", "setSessionItem", "setVariable", "undefined", "unescape"];
const PAGEC = ["request", "response", "redirect", "setHeader", "cookie", "session", "getSessionItem", "setSessionItem", "clearSessionItem", "is_customer", "customer", "getCustomer", "setVariable", "getVariable", "console", "getCrmEntries", "getCrmField", "getCrmFields", "getCrmFieldValues", "setCrmField", "setCrmFields", "addCrmFieldValue", "clearCrmEntries", "Schema"];


describe("global object", () => {
  it("has exactly the golden list of own property names", async () => {
    const r = await sb.run({ units: [""] });
    expect(await r.evalAfter("return Object.getOwnPropertyNames(globalThis).sort()")).toEqual([...GOLDEN].sort());
  });

  it("defines every pagec global non-writable and non-configurable; assignment throws in strict mode", async () => {
    const r = await sb.run({ units: [""] });
    const descs = await r.evalAfter(`return ${JSON.stringify(PAGEC)}.map((n) => { const d = Object.getOwnPropertyDescriptor(globalThis, n); return [n, d.configurable, "value" in d ? d.writable : "accessor", "set" in d ? d.set === undefined : true]; })`);
    for (const [name, configurable, writable, noSetter] of descs) {
      expect([name, configurable]).toEqual([name, false]);
      expect([name, writable === false || writable === "accessor"]).toEqual([name, true]);
      expect([name, noSetter]).toEqual([name, true]);
    }
    const r2 = await sb.run({
      units: [`const out = []; for (const n of ${JSON.stringify(PAGEC)}) { try { globalThis[n] = 1; out.push(n + ":assigned"); } catch (e) { out.push(e.constructor.name); } } setVariable("out", out);`],
    });
    expect(new Set(r2.effects[0].value)).toEqual(new Set(["TypeError"]));
  });

  it("removes SharedArrayBuffer, Atomics, WebAssembly and __pagecHost; __pagec_define is non-enumerable", async () => {
    const r = await sb.run({ units: [out(`[typeof SharedArrayBuffer, typeof Atomics, typeof WebAssembly, typeof __pagecHost, Object.keys(globalThis).includes("__pagec_define"), typeof __pagec_define, __pagec_prelude === undefined]`)] });
    expect(r.effects[0].value).toEqual(["undefined", "undefined", "undefined", "undefined", false, "function", true]);
  });

  it("exposes no isolated-vm object anywhere reachable from the global object", async () => {
    const r = await sb.run({ units: [`setCrmField; session.setCustomer({ email: "a@b.c" });`] });
    const res = await r.evalAfter(WALK);
    expect(res.found).toEqual([]);
    expect(res.count).toBeGreaterThan(200);
  });

  it("the walker does find a Reference when one is reachable (control)", async () => {
    const isolate = new ivm.Isolate({ memoryLimit: 16 });
    const ctx = await isolate.createContext();
    await ctx.evalClosure("globalThis.leak = { ref: $0 };", [new ivm.Reference(() => 1)]);
    const res = JSON.parse(await ctx.eval(`JSON.stringify((() => { ${WALK} })())`) as string);
    expect(res.found.some((p) => p.startsWith("globalThis.leak.ref"))).toBe(true);
    isolate.dispose();
  });

  it("prelude completion value is the entry function, and the IIFE global is neutralised after init", async () => {
    const code = await buildPrelude();
    expect(code.trimEnd().endsWith("__pagec_prelude.entry;")).toBe(true);
    const r = await sb.run({ units: [out(`(() => { try { __pagec_prelude = { entry: 1 }; return "assigned"; } catch (e) { return e.name; } })()`)] });
    expect(r.effects[0].value).toBe("TypeError");
  });

  it("a script cannot register another page or a second definition after the phase started", async () => {
    const r = await sb.run({ units: [`__pagec_define("p", function () { return [async function () { setVariable("evil", 1); }]; }); setVariable("ok", 1);`] });
    expect(r.effects).toEqual([{ t: "var", key: "ok", value: 1 }]);
  });

  it("the API objects are frozen", async () => {
    const r = await sb.run({ units: [out(`[response, cookie, session, console, request].map(Object.isFrozen).concat([Object.isFrozen(setVariable)])`)] });
    expect(r.effects[0].value).toEqual([true, true, true, true, true, true]);
  });
});
