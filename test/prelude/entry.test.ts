// The entry function protocol (SPEC §8.5): init once, script once, page registration, the `__pc` object given
// to factories, the Schema global, and factories that return `{ units }`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ivm from "isolated-vm";
import { Sandbox, buildPrelude, out, SITE, DEFAULT_REQUEST, EMPTY_SESSION } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

async function rawContext() {
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  const context = await isolate.createContext();
  const effects: any[] = [];
  const effect = new ivm.Reference((json: string) => { effects.push(JSON.parse(json)); });
  const call = new ivm.Reference(async () => JSON.stringify({ ok: true, result: null }));
  const log = new ivm.Reference(() => {});
  await context.evalClosure("globalThis.__pagecHost = { effect: $0, call: $1, log: $2 };", [effect, call, log]);
  const script = await isolate.compileScript(await buildPrelude());
  const entry = (await script.run(context, { reference: true })) as ivm.Reference<any>;
  const init = JSON.stringify({ formatVersion: 1, kind: "script", site: SITE, variables: {} });
  const input = (page: string) => JSON.stringify({ page, requestId: "r", request: DEFAULT_REQUEST, session: EMPTY_SESSION });
  return { isolate, context, entry, effects, init, input };
}

describe("entry protocol", () => {
  it("init twice throws; script before init or twice rejects", async () => {
    const c = await rawContext();
    await expect(c.entry.apply(undefined, ["script", c.input("p")], { result: { promise: true } })).rejects.toThrow("cannot start");
    await c.entry.apply(undefined, ["init", c.init], { result: { promise: true } });
    await expect(c.entry.apply(undefined, ["init", c.init], { result: { promise: true } })).rejects.toThrow("already initialised");
    await c.context.eval(`__pagec_define("p", function () { return [async function () { setVariable("a", 1); }]; })`);
    await c.entry.apply(undefined, ["script", c.input("p")], { result: { promise: true } });
    await expect(c.entry.apply(undefined, ["script", c.input("p")], { result: { promise: true } })).rejects.toThrow("cannot start");
    expect(c.effects).toEqual([{ t: "var", key: "a", value: 1 }]);
    c.isolate.dispose();
  });

  it("an unknown page becomes an error effect and the phase still settles", async () => {
    const c = await rawContext();
    await c.entry.apply(undefined, ["init", c.init], { result: { promise: true } });
    await c.entry.apply(undefined, ["script", c.input("nope")], { result: { promise: true } });
    expect(c.effects).toEqual([{ t: "error", name: "Error", message: 'pagec: page "nope" is not defined in this context', stack: expect.any(String) }]);
    c.isolate.dispose();
  });

  it("the first definition of a slug wins; factories may return { units }; the factory runs inside the phase", async () => {
    const c = await rawContext();
    await c.entry.apply(undefined, ["init", c.init], { result: { promise: true } });
    await c.context.eval(`__pagec_define("p", function () { setVariable("factory", 1); return { units: [async function () { setVariable("unit", 1); }] }; });
      __pagec_define("p", function () { return [async function () { setVariable("second", 1); }]; });`);
    await c.entry.apply(undefined, ["script", c.input("p")], { result: { promise: true } });
    expect(c.effects.map((e) => e.key)).toEqual(["factory", "unit"]);
    c.isolate.dispose();
  });

  it("a factory that throws is an error effect", async () => {
    const c = await rawContext();
    await c.entry.apply(undefined, ["init", c.init], { result: { promise: true } });
    await c.context.eval(`__pagec_define("p", function () { setVariable("before", 1); throw new SyntaxError("module"); });`);
    await c.entry.apply(undefined, ["script", c.input("p")], { result: { promise: true } });
    expect(c.effects.map((e) => e.t + ":" + (e.key ?? e.name))).toEqual(["var:before", "error:SyntaxError"]);
    c.isolate.dispose();
  });

  it("__pc is frozen and carries rethrow, the precompiled-schema hook and the schema helpers", async () => {
    const r = await sb.run({ units: [out(`[Object.isFrozen(__pc), typeof __pc.rethrow, typeof __pc.schema, typeof __pc.sh, Object.keys(__pc).sort()]`)] });
    expect(r.effects[0].value).toEqual([true, "function", "function", "object", ["rethrow", "schema", "sh"]]);
  });

  it("the Schema global validates inside the sandbox, and a precompiled validate replaces the interpreted one", async () => {
    const r = await sb.run({
      units: [`const s = Schema.object({ age: Schema.number().integer().required() });
        const pre = __pc.schema(Schema.string(), (d) => ({ valid: true, value: "pre:" + d, errors: [] }));
        setVariable("out", [s.validate({ age: "42" }), s.validate({}).valid, pre.validate("x").value]);`],
    });
    expect(r.effects[0].value[0]).toMatchObject({ valid: true, value: { age: 42 } });
    expect(r.effects[0].value.slice(1)).toEqual([false, "pre:x"]);
  });
});
