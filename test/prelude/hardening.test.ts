// A script that tampers with built-ins or prototypes cannot reach the host References, rewrite the effect
// records the prelude reports, or break the phase mechanics (SPEC §6.10, §8.5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, WALK } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const NAMES = ["effect", "call", "log", "host", "applySync", "applySyncPromise", "applyIgnored", "t", "ok", "result", "error", "identity", "then", "finish", "phase", "session", "customer", "value", "key", "name", "email", "fn", "entity", "0", "1", "2", "length", "toJSON", "constructor"];
const TRAPS = `
  globalThis.leaks = new Set();
  for (const n of ${JSON.stringify(NAMES)}) {
    for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
      if (Object.getOwnPropertyDescriptor(proto, n)) continue;
      const d = Object.create(null); d.configurable = true; d.get = function () { leaks.add(this); return undefined; }; d.set = function (v) { leaks.add(this); leaks.add(v); };
      Object.defineProperty(proto, n, d);
    }
  }
`;
const EXERCISE = `
  setVariable("v", { a: [1, 2] }); getVariable("v"); getVariable("missing"); response.status(201); setHeader("X-A", "1"); setHeader("Host", "x");
  cookie.set("c", "v", { maxAge: 5 }); cookie.delete("c"); session.set("k", { n: [1] }); session.get("k"); session.set("_r", 1);
  setSessionItem("i", "v"); getSessionItem("i"); clearSessionItem("i"); session.setCustomer({ email: "a@b.c", first_name: "A" }); getCustomer(); customer; is_customer;
  console.log({ x: [1] }, "y"); getCrmEntries({ slug: "tracker" }); getCrmFields({ slug: "tracker", fieldKeys: ["a", "b c"] });
  setCrmFields({ slug: "tracker", fields: [{ fieldKey: "a", value: { z: 1 } }] }); setCrmField({ slug: "tracker", fieldKey: "a", value: null });
  await session.getToken(); await session.setFromToken("tok"); session.clearCustomer();
`;

describe("hardening", () => {
  it("prototype traps on every name the prelude uses catch nothing that leads to a Reference", async () => {
    const r = await sb.run({
      session: { exists: true, customer: { email: "a@b.c" }, email: "a@b.c" },
      host: (op) => (op === "token.mint" ? "v1.t" : op === "token.open" ? { email: "z@x.com", customer_id: "1", customer: { email: "z@x.com" } } : op === "crm" ? [] : null),
      units: [TRAPS + EXERCISE, `response.json({ done: true });`],
    });
    expect(r.effects.at(-1)).toEqual({ t: "respond", kind: "json", status: 201, body: '{"done":true}', location: null });
    const res = await r.evalAfter(`for (const n of ${JSON.stringify(NAMES)}) for (const p of [Object.prototype, Array.prototype, Function.prototype]) { const d = Object.getOwnPropertyDescriptor(p, n); if (d && d.get && d.configurable) delete p[n]; }\nglobalThis.leakList = [...leaks];\n` + WALK);
    expect(res.found).toEqual([]);
    expect(await r.evalAfter("return leakList.length")).toBeGreaterThan(0);
    // What the traps saw is the script's own data (its JSON copies), never a prelude record or store.
    const seen: unknown[] = await r.evalAfter("return leakList.filter((o) => typeof o === 'object' && o !== null).map((o) => Object.keys(o).sort().join(','))");
    expect(new Set(seen)).toEqual(new Set(["a", "0,1", "n", "0", "email,first_name", "x", "z", "done"]));
  });

  it("replacing JSON, Reflect, Promise, Object and prototype methods does not change the effects", async () => {
    const r = await sb.run({
      session: { exists: true, customer: { email: "a@b.c" }, email: "a@b.c" },
      host: (op) => (op === "token.mint" ? "v1.t" : null),
      units: [`
        JSON.stringify = () => '{"t":"respond","kind":"redirect","status":302,"location":"http://evil.com"}';
        JSON.parse = () => ({ forged: true });
        Reflect.apply = () => { throw new Error("patched"); };
        Object.freeze = (o) => o; Object.defineProperty = () => { throw new Error("patched"); };
        Function.prototype.call = Function.prototype.apply = () => { throw new Error("patched"); };
        Promise = function () { throw new Error("patched"); }; Promise.resolve = () => { throw new Error("patched"); };
        Promise.prototype.then = function () { throw new Error("patched"); };
        Object.prototype.toJSON = function () { return "forged"; };
        RegExp.prototype.test = () => true;
        setVariable("a", 1); setHeader("X-B", "2"); session.set("s", "v"); const t = await session.getToken(); setVariable("t", t);`],
    });
    expect(r.effects).toEqual([
      { t: "var", key: "a", value: 1 },
      { t: "header", name: "X-B", value: "2" },
      { t: "session", op: "set", key: "s", value: "v" },
      { t: "var", key: "t", value: "v1.t" },
    ]);
  });

  it("Object.prototype.toJSON changes a user value's JSON copy (JSON semantics) but not the effect record", async () => {
    const r = await sb.run({ units: [`Object.prototype.toJSON = function () { return "forged"; }; setVariable("a", { x: 1 }); response.status(404);`] });
    expect(r.effects).toEqual([{ t: "var", key: "a", value: "forged" }, { t: "status", code: 404 }]);
  });

  it("an own __proto__ key in data stays inert data", async () => {
    const r = await sb.run({
      request: { body: JSON.parse('{"__proto__":{"polluted":true},"a":1}') },
      variables: JSON.parse('{"__proto__":{"polluted":true}}'),
      session: { exists: true, data: JSON.parse('{"__proto__":{"polluted":true}}') },
      units: [`setVariable("out", [({}).polluted, request.body.a, Object.getPrototypeOf(request.body), getVariable("__proto__") && typeof getVariable("__proto__")]);`],
    });
    expect(r.effects[0].value).toEqual([null, 1, null, "object"]);
  });

  it("a getter on a CRM options object that makes a terminal call halts without a host call", async () => {
    const r = await sb.run({
      session: { exists: true, customer: { email: "a@b.c" }, email: "a@b.c" },
      host: () => [],
      units: [`getCrmEntries({ slug: "tracker", get limit() { response.send("from getter"); } }); setVariable("after", 1);`],
    });
    expect(r.effects).toEqual([{ t: "respond", kind: "send", status: null, body: "from getter", location: null }]);
    expect(r.calls).toEqual([]);
  });

  it("a Proxy as setVariable value runs its traps inside the isolate and only the copy is reported", async () => {
    const r = await sb.run({ units: [`const p = new Proxy({}, { ownKeys: () => ["a"], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }), get: (t, k) => k === "a" ? 7 : undefined }); setVariable("p", p);`] });
    expect(r.effects).toEqual([{ t: "var", key: "p", value: { a: 7 } }]);
  });

  it("stack-trace call sites expose no prelude function or receiver (the prelude is strict code)", async () => {
    const r = await sb.run({
      session: { exists: true, customer: { email: "a@b.c" }, email: "a@b.c" },
      host: () => [],
      units: [`const seen = [];
        Error.prepareStackTrace = (err, sites) => { for (const c of sites) seen.push([String(c.getFunctionName()), c.getFunction() === undefined, c.getThis() === undefined]); return "x"; };
        const probe = { toJSON() { new Error().stack; return 1; } };
        setVariable("p", probe); session.set("k", probe); console.log(probe);
        getCrmEntries({ slug: "tracker", get limit() { new Error().stack; return 5; } });
        Error.prepareStackTrace = undefined;
        setVariable("out", seen.filter((s) => !["toJSON", "get limit", "<anonymous>"].includes(s[0]) && !s[0].startsWith("null")));`],
    });
    const frames: [string, boolean, boolean][] = r.effects.find((e) => e.key === "out").value;
    expect(frames.length).toBeGreaterThan(3);
    for (const [name, noFn, noThis] of frames) expect([name, noFn, noThis]).toEqual([name, true, true]);
  });
});
