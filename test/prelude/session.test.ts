// session.get/set, reserved keys, session items, setCustomer/clearCustomer with live identity, and the
// hand-off token promises (SPEC §4.4.4, §4.4.5, §6.7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const attempt = (code: string) => `(() => { try { return ${code}; } catch (e) { __pc.rethrow(e); return e.name + ": " + e.message; } })()`;
const vars = (effects: any[]) => Object.fromEntries(effects.filter((e) => e.t === "var").map((e) => [e.key, e.value]));
const CUSTOMER_SESSION = { exists: true, customer: { email: "Ann@Example.com", name: "Ann" }, email: "Ann@Example.com", customer_id: null };

describe("session.get / set", () => {
  it("reads the loaded session, sees its own writes and deletes, and returns copies", async () => {
    const r = await sb.run({
      session: { exists: true, data: { plan: "pro", obj: { a: 1 } } },
      units: [`const o = session.get("obj"); o.a = 2;
        setVariable("a", [session.get("plan"), session.get("obj"), session.get("missing")]);
        setVariable("b", [session.set("n", 5), session.set("o", { x: [1] }), session.set("plan", null), session.set("obj", undefined)]);
        setVariable("c", [session.get("n"), session.get("o"), session.get("plan"), session.get("obj")]);`],
    });
    expect(vars(r.effects)).toEqual({ a: ["pro", { a: 1 }, null], b: [true, true, true, true], c: [5, { x: [1] }, null, null] });
    expect(r.effects.filter((e) => e.t === "session")).toEqual([
      { t: "session", op: "set", key: "n", value: 5 }, { t: "session", op: "set", key: "o", value: { x: [1] } },
      { t: "session", op: "delete", key: "plan", value: null }, { t: "session", op: "delete", key: "obj", value: null },
    ]);
  });
  it.each(["id", "is_customer", "email", "customer_id", "customer", "created_at", "expires_at", "constructor", "prototype", "custom_x", "pagec_x", "_x", "__proto__"])(
    "reserved key %s: get is null, set is false with a warning", async (key) => {
      const r = await sb.run({ session: { exists: true, data: JSON.parse(`{${JSON.stringify(key)}:1}`) }, units: [out(`[session.get(${JSON.stringify(key)}), session.set(${JSON.stringify(key)}, 1)]`)] });
      expect(r.effects).toEqual([{ t: "var", key: "out", value: [null, false] }]);
      expect(r.logs).toEqual([{ level: "warn", text: `session.set: key "${key}" is reserved` }]);
    });
  it.each(['""', '"x".repeat(129)', "1", "undefined", "null"])("set with key %s throws TypeError", async (key) => {
    const r = await sb.run({ units: [out(attempt(`session.set(${key}, 1)`))] });
    expect(r.effects[0].value).toBe("TypeError: session.set: key must be a non-empty string of at most 128 characters");
  });
  it("get needs a string key; an empty or over-long one is simply missing", async () => {
    const r = await sb.run({ units: [out(`[${attempt("session.get(1)")}, session.get(""), session.get("x".repeat(129))]`)] });
    expect(r.effects[0].value).toEqual(["TypeError: session.get: key must be a string", null, null]);
  });
  it("a 128-character key is fine; a value over 65,536 bytes of JSON is refused; a cycle throws TypeError", async () => {
    const r = await sb.run({
      units: [`setVariable("k", session.set("k".repeat(128), 1)); setVariable("big", session.set("big", "a".repeat(65535)));
        setVariable("max", session.set("max", "a".repeat(65534)));
        const c = {}; c.c = c; setVariable("cyc", ${attempt('session.set("cyc", c)')});`],
    });
    expect(vars(r.effects)).toEqual({ k: true, big: false, max: true, cyc: expect.stringMatching(/^TypeError/) });
  });
  it("refuses a change that would push the whole session over 262,144 bytes", async () => {
    const r = await sb.run({
      units: [`const v = "a".repeat(60000); const res = []; for (let i = 0; i < 5; i++) res.push(session.set("k" + i, v)); setVariable("r", res); setVariable("k4", session.get("k4"));`],
    });
    expect(vars(r.effects)).toEqual({ r: [true, true, true, true, false], k4: null });
    expect(r.logs.map((l) => l.text)).toEqual(["session.set: the session would exceed 262144 bytes"]);
  });
});

describe("session items", () => {
  it("sanitises keys, stores strings and numbers as they are and other values as JSON text", async () => {
    const r = await sb.run({
      session: { exists: true, items: { old: "x" } },
      units: [`setSessionItem("my-key!", "v"); setSessionItem("n", 4); setSessionItem("o", { a: [1] }); setSessionItem("b", true);
        setSessionItem("...", "ignored"); setSessionItem("__proto__", "ignored"); setSessionItem("constructor", 1);
        setVariable("out", [getSessionItem("mykey"), getSessionItem("my key"), getSessionItem("n"), getSessionItem("o"), getSessionItem("b"), getSessionItem("old"), getSessionItem("missing"), getSessionItem("__proto__")]);
        clearSessionItem("old"); setSessionItem("n", null); setVariable("after", [getSessionItem("old"), getSessionItem("n")]);`],
    });
    expect(vars(r.effects)).toEqual({ out: ["v", "v", 4, '{"a":[1]}', "true", "x", "", ""], after: ["", ""] });
    expect(r.effects.filter((e) => e.t === "item")).toEqual([
      { t: "item", op: "set", key: "mykey", value: "v" }, { t: "item", op: "set", key: "n", value: 4 },
      { t: "item", op: "set", key: "o", value: '{"a":[1]}' }, { t: "item", op: "set", key: "b", value: "true" },
      { t: "item", op: "delete", key: "old", value: null }, { t: "item", op: "delete", key: "n", value: null },
    ]);
  });
  it("drops a value over 65,536 UTF-8 bytes with a warning", async () => {
    const r = await sb.run({ units: [`setSessionItem("big", "é".repeat(32769)); setSessionItem("ok", "é".repeat(32768)); setVariable("out", [getSessionItem("big"), getSessionItem("ok").length]);`] });
    expect(vars(r.effects)).toEqual({ out: ["", 32768] });
    expect(r.logs).toEqual([{ level: "warn", text: 'setSessionItem: value of "big" exceeds 65536 bytes and was dropped' }]);
  });
  it("items and session keys are separate stores", async () => {
    const r = await sb.run({ units: [`session.set("k", "s"); setSessionItem("k", "i"); setVariable("out", [session.get("k"), getSessionItem("k")]);`] });
    expect(vars(r.effects).out).toEqual(["s", "i"]);
  });
});

describe("customer identity", () => {
  it("no customer: is_customer false, customer and getCustomer() null", async () => {
    const r = await sb.run({ units: [out("[is_customer, customer, getCustomer()]")] });
    expect(r.effects[0].value).toEqual([false, null, null]);
  });
  it("a loaded customer is a frozen copy with only the documented fields", async () => {
    const r = await sb.run({
      session: { exists: true, customer: { email: "a@b.c", first_name: "A", id: 7, secret: "x" }, email: "a@b.c", customer_id: 7 },
      units: [out("[is_customer, customer, Object.isFrozen(customer), customer === getCustomer()]")],
    });
    expect(r.effects[0].value).toEqual([true, { email: "a@b.c", first_name: "A", id: 7 }, true, true]);
  });
  it("setCustomer merges, derives name, sets customer_id, and is reflected live", async () => {
    const r = await sb.run({
      session: { exists: true, customer: { email: "old@x.com", last_name: "Lee" }, email: "old@x.com" },
      units: [`const before = customer; const ok = session.setCustomer({ email: "new@x.com", first_name: " Ann", id: "c1", extra: 1 });
        setVariable("out", [ok, before, is_customer, customer, getCustomer()]);`],
    });
    const identity = r.effects.find((e) => e.t === "identity");
    expect(identity).toEqual({ t: "identity", op: "set", customer: { email: "new@x.com", last_name: "Lee", first_name: " Ann", id: "c1", name: "Ann Lee" }, customer_id: "c1", email: "new@x.com" });
    const expected = { email: "new@x.com", name: "Ann Lee", first_name: " Ann", last_name: "Lee", id: "c1" };
    expect(vars(r.effects).out).toEqual([true, { email: "old@x.com", last_name: "Lee" }, true, expected, expected]);
  });
  it.each(["null", '"a@b.c"', "{}", '{ email: "nope" }', '{ email: "a@" + "b".repeat(253) }', '{ email: "a@b.c", name: 1 }', '{ email: "a@b.c", id: {} }', '{ email: "a@b.c", first_name: null }'])(
    "setCustomer(%s) returns false with a warning", async (arg) => {
      const r = await sb.run({ units: [out(`[session.setCustomer(${arg}), is_customer]`)] });
      expect(r.effects).toEqual([{ t: "var", key: "out", value: [false, false] }]);
      expect(r.logs[0].level).toBe("warn");
    });
  it("the 6th setCustomer call in a request returns false", async () => {
    const r = await sb.run({ units: [out(`[1,2,3,4,5,6,7].map((i) => session.setCustomer({ email: "u" + i + "@x.com" }))`)] });
    expect(r.effects.at(-1).value).toEqual([true, true, true, true, true, false, false]);
    expect(r.effects.filter((e) => e.t === "identity").length).toBe(5);
  });
  it("clearCustomer removes the identity and returns true", async () => {
    const r = await sb.run({ session: CUSTOMER_SESSION, units: [out("[session.clearCustomer(), is_customer, customer, getCustomer()]")] });
    expect(r.effects).toEqual([{ t: "identity", op: "clear", customer: null, customer_id: null, email: null }, { t: "var", key: "out", value: [true, false, null, null] }]);
  });
});

describe("hand-off tokens", () => {
  it("getToken resolves null without a customer and never calls the host", async () => {
    const r = await sb.run({ units: [out("[await session.getToken(), session.getToken() instanceof Promise]")] });
    expect(r.effects[0].value).toEqual([null, true]);
    expect(r.calls).toEqual([]);
  });
  it.each([[undefined, 60], [0, 60], [-5, 60], [Number.NaN, 60], [30, 30], [601, 600], ["10", 60]])("getToken(%s) mints with ttl %s", async (ttl, expected) => {
    const arg = ttl === undefined ? "" : typeof ttl === "string" ? JSON.stringify(ttl) : String(ttl);
    const r = await sb.run({ session: CUSTOMER_SESSION, host: () => "v1.tok", units: [out(`await session.getToken(${arg})`)] });
    expect(r.calls).toEqual([{ op: "token.mint", args: { ttl: expected, identity: { email: "Ann@Example.com", customer_id: null, customer: { email: "Ann@Example.com", name: "Ann" } } } }]);
    expect(r.effects[0].value).toBe("v1.tok");
  });
  it("getToken resolves null when the host has no secret (null) or fails", async () => {
    const r = await sb.run({ session: CUSTOMER_SESSION, host: () => null, units: [out("await session.getToken()")] });
    expect(r.effects[0].value).toBeNull();
    const r2 = await sb.run({ session: CUSTOMER_SESSION, host: () => { throw new Error("boom"); }, units: [out("await session.getToken()")] });
    expect(r2.effects[0].value).toBeNull();
  });
  it("setFromToken replaces the identity live and resolves true", async () => {
    const identity = { email: "z@x.com", customer_id: "42", customer: { email: "z@x.com", name: "Zed" } };
    const r = await sb.run({ host: (op) => (op === "token.open" ? identity : null), units: [out(`[await session.setFromToken("v1.abc"), is_customer, customer]`)] });
    expect(r.calls).toEqual([{ op: "token.open", args: { token: "v1.abc" } }]);
    expect(r.effects).toEqual([{ t: "identity", op: "replace", ...identity }, { t: "var", key: "out", value: [true, true, { email: "z@x.com", name: "Zed" }] }]);
  });
  it("setFromToken resolves false on any failure and never throws", async () => {
    const r = await sb.run({
      host: (op, args) => { if (args.token === "throw") throw new Error("x"); return null; },
      units: [out(`[await session.setFromToken("bad"), await session.setFromToken("throw"), await session.setFromToken(42), await session.setFromToken()]`)],
    });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: [false, false, false, false] }]);
  });
});
