// The pool's everyday behaviour: effects in order, logs, host calls, outcomes, and per-request isolation (SPEC §6.10, §8.5).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSandboxPool, type SandboxPool } from "../../runtime/sandbox/index.js";
import { buildRepo, page, prelude, recorder } from "./helpers.js";

let pool: SandboxPool;

beforeAll(async () => {
  buildRepo();
  pool = createSandboxPool({
    prelude,
    bundles: new Map([
      page("effects", `for (let i = 0; i < 5; i++) emit({ t: "var", key: "k" + i, value: i });`),
      page("units", `emit({ t: "var", key: "u", value: 1 });`, `emit({ t: "var", key: "u", value: 2 });`),
      page("init", `emit({ t: "var", key: "init", value: initData });`),
      page("input", `emit({ t: "var", key: "echo", value: input.request.q });`),
      page("log", `log("hello"); emit({ t: "var", key: "after", value: true });`),
      page("log-last", `for (let i = 0; i < 20; i++) log("l" + i);`),
      page("call", `const r = hostCall("crm", { fn: "getCrmField", n: 2 }); emit({ t: "var", key: "r", value: r });`),
      page("call-fail", `try { hostCall("boom", {}); } catch (e) { emit({ t: "var", key: "err", value: e.message }); }`),
      page("halt", `emit({ t: "status", code: 201 }); return "halt";`, `emit({ t: "var", key: "never", value: 1 });`),
      page("throws", `emit({ t: "var", key: "before", value: 1 }); null.x;`),
      page("pollute", `globalThis.x = 1; Object.prototype.polluted = 1; Array.prototype.push = () => 0; emit({ t: "var", key: "set", value: true });`),
      page("observe", `emit({ t: "var", key: "seen", value: [typeof globalThis.x, typeof ({}).polluted, [].push(1)] });`),
      page("no-isolate", `emit({ t: "var", key: "globals", value: [typeof __pagecHost, typeof ivm, typeof require, typeof process] });`),
    ]),
    initJson: JSON.stringify({ formatVersion: 1, kind: "script", site: { id: "t" } }),
    isolates: 1,
    memoryMb: 64,
    scriptCpuMs: 500,
    scriptWallMs: 2000,
  });
  await pool.ready;
});
afterAll(() => pool?.close());

describe("effects, logs and host calls", () => {
  it("streams effects in order and resolves done", async () => {
    const r = recorder();
    expect(await pool.runScript("effects", "{}", r)).toEqual({ kind: "done" });
    expect(r.effects).toEqual([0, 1, 2, 3, 4].map((i) => ({ t: "var", key: "k" + i, value: i })));
  });

  it("runs units in order sharing one phase", async () => {
    const r = recorder();
    await pool.runScript("units", "{}", r);
    expect(r.effects.map((e) => e.value)).toEqual([1, 2]);
  });

  it("passes initJson to entry(init) and inputJson to entry(script)", async () => {
    const a = recorder();
    await pool.runScript("init", "{}", a);
    expect(a.effects[0].value).toEqual({ formatVersion: 1, kind: "script", site: { id: "t" } });
    const b = recorder();
    await pool.runScript("input", JSON.stringify({ request: { q: "é<>" } }), b);
    expect(b.effects[0].value).toBe("é<>");
  });

  it("delivers logs", async () => {
    const r = recorder();
    await pool.runScript("log", "{}", r);
    expect(r.logs).toEqual([{ level: "info", text: "hello" }]);
  });

  it("delivers logs made just before the phase ends", async () => {
    const r = recorder();
    await pool.runScript("log-last", "{}", r);
    expect(r.logs.map((l) => l.text)).toEqual(Array.from({ length: 20 }, (_, i) => "l" + i));
  });

  it("round-trips host calls with parsed arguments and {ok,result}", async () => {
    const r = recorder(async (_op, args) => ({ doubled: (args as { n: number }).n * 2 }));
    expect(await pool.runScript("call", "{}", r)).toEqual({ kind: "done" });
    expect(r.calls).toEqual([{ op: "crm", args: { fn: "getCrmField", n: 2 } }]);
    expect(r.effects).toEqual([{ t: "var", key: "r", value: { doubled: 4 } }]);
  });

  it("turns a rejected host call into {ok:false,error}", async () => {
    const r = recorder(async () => {
      throw new Error("no such op");
    });
    await pool.runScript("call-fail", "{}", r);
    expect(r.effects).toEqual([{ t: "var", key: "err", value: "no such op" }]);
  });
});

describe("outcomes", () => {
  it("is halted after a respond effect, and later units do not run", async () => {
    const r = recorder();
    expect(await pool.runScript("halt", "{}", r)).toEqual({ kind: "halted" });
    expect(r.effects.map((e) => e.t)).toEqual(["status", "respond"]);
  });

  it("is error after an uncaught error, keeping earlier effects", async () => {
    const r = recorder();
    const o = await pool.runScript("throws", "{}", r);
    expect(o.kind).toBe("error");
    expect((o as { message: string }).message).toMatch(/^TypeError: Cannot read properties of null/);
    expect(r.effects[0]).toEqual({ t: "var", key: "before", value: 1 });
    expect(r.effects[1].t).toBe("error");
  });

  it("answers an unknown page with an error outcome", async () => {
    const o = await pool.runScript("nope", "{}", recorder());
    expect(o).toEqual({ kind: "error", message: 'pagec: no bundle for page "nope"' });
  });
});

describe("isolation between requests on the same isolate", () => {
  it("does not leak globals or prototype pollution to the next request", async () => {
    const a = recorder();
    await pool.runScript("pollute", "{}", a);
    expect(a.effects).toEqual([{ t: "var", key: "set", value: true }]);
    for (let i = 0; i < 3; i++) {
      const b = recorder();
      await pool.runScript("observe", "{}", b);
      expect(b.effects).toEqual([{ t: "var", key: "seen", value: ["undefined", "undefined", 1] }]);
    }
  });

  it("exposes no host object to user code", async () => {
    const r = recorder();
    await pool.runScript("no-isolate", "{}", r);
    expect(r.effects[0].value).toEqual(["undefined", "undefined", "undefined", "undefined"]);
  });

  it("counts no recycling or crashes for ordinary requests", async () => {
    // The child reports "idle" just after the result, so busy drops to 0 a moment after the outcome.
    await vi.waitFor(() => expect(pool.stats()).toEqual({ isolates: 1, recycled: 0, crashes: 0, queued: 0, busy: 0 }));
  });
});
