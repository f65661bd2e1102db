// Limits of SPEC §4.1/§6.10/§9: CPU, wall clock and memory stop the phase, keep earlier effects, replace the
// isolate (or the whole child, when isolated-vm aborts the process) and leave the pool serving.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSandboxPool, type SandboxEvent, type SandboxPool } from "../../runtime/sandbox/index.js";
import { buildRepo, page, prelude, recorder } from "./helpers.js";

let pool: SandboxPool;
const events: SandboxEvent[] = [];
const ok = page("ok", `emit({ t: "var", key: "ok", value: true });`);
const bombs = [
  page("array-bomb", `emit({ t: "var", key: "before", value: 1 }); const a = []; for (let i = 0; ; i++) a.push("x".repeat(64) + i);`),
  page("string-bomb", `const a = []; for (let i = 0; ; i++) a.push(String(i).repeat(10000));`),
  page("map-bomb", `emit({ t: "var", key: "before", value: 1 }); const m = new Map(); for (let i = 0; ; i++) m.set(i, { i });`),
];

async function expectHealthy(): Promise<void> {
  const r = recorder();
  expect(await pool.runScript("ok", "{}", r)).toEqual({ kind: "done" });
  expect(r.effects).toEqual([{ t: "var", key: "ok", value: true }]);
}

beforeAll(async () => {
  buildRepo();
  pool = createSandboxPool({
    prelude,
    bundles: new Map([
      ok,
      page("spin", `emit({ t: "var", key: "before", value: 1 }); while (true) {}`),
      page("hang", `emit({ t: "var", key: "before", value: 1 }); await new Promise(() => {});`),
      page("slow-call", `emit({ t: "var", key: "before", value: 1 }); hostCall("slow", {});`),
    ]),
    initJson: "{}",
    isolates: 1,
    memoryMb: 32,
    scriptCpuMs: 300,
    scriptWallMs: 800,
    watchdogGraceMs: 1000,
    onEvent: (e) => void events.push(e),
  });
  await pool.ready;
});
afterAll(() => pool?.close());

describe("CPU limit", () => {
  it("stops while(true){} with the §4.1 message, keeping earlier effects", async () => {
    const r = recorder();
    const t0 = Date.now();
    const o = await pool.runScript("spin", "{}", r);
    expect(o).toEqual({ kind: "cpu", message: "ScriptTimeoutError: CPU limit of 300 ms exceeded" });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.effects).toEqual([{ t: "var", key: "before", value: 1 }]);
    await expectHealthy();
    await vi.waitFor(() => expect(pool.stats().recycled).toBeGreaterThanOrEqual(1));
  });
});

describe("wall-clock limit", () => {
  it("stops a promise that never settles", async () => {
    const r = recorder();
    const o = await pool.runScript("hang", "{}", r);
    expect(o).toEqual({ kind: "wall", message: "ScriptTimeoutError: wall-clock limit of 800 ms exceeded" });
    expect(r.effects).toEqual([{ t: "var", key: "before", value: 1 }]);
    await expectHealthy();
  });

  it("covers a host call that never answers", async () => {
    const r = recorder(() => new Promise(() => {}));
    const o = await pool.runScript("slow-call", "{}", r);
    expect(o.kind).toBe("wall");
    expect(r.effects).toEqual([{ t: "var", key: "before", value: 1 }]);
    await expectHealthy();
  });
});

describe("memory limit", () => {
  // Near the limit V8 spends its time collecting garbage; a roomier CPU limit lets memory be the limit hit.
  let mem: SandboxPool;
  beforeAll(async () => {
    mem = createSandboxPool({
      prelude,
      bundles: new Map([ok, ...bombs]),
      initJson: "{}",
      isolates: 1,
      memoryMb: 32,
      scriptCpuMs: 5000,
      scriptWallMs: 8000,
      onEvent: (e) => void events.push(e),
    });
    await mem.ready;
  });
  afterAll(() => mem?.close());

  async function memHealthy(): Promise<void> {
    const r = recorder();
    expect(await mem.runScript("ok", "{}", r)).toEqual({ kind: "done" });
  }

  it.each(["array-bomb", "string-bomb"])("stops %s and recovers", async (slug) => {
    const r = recorder();
    const o = await mem.runScript(slug, "{}", r);
    expect(["memory", "crashed"]).toContain(o.kind);
    // string-bomb may hit V8's maximum string length first, which is an ordinary RangeError.
    if (o.kind === "memory" || o.kind === "crashed") expect(o.message).toBe("ScriptMemoryError: memory limit of 32 MB exceeded");
    await memHealthy();
  });

  it("survives a Map grown in a loop (which can abort the whole process)", async () => {
    const crashesBefore = mem.stats().crashes;
    const r = recorder();
    const o = await mem.runScript("map-bomb", "{}", r);
    expect(o.kind === "memory" || o.kind === "crashed").toBe(true);
    expect((o as { message: string }).message).toBe("ScriptMemoryError: memory limit of 32 MB exceeded");
    expect(r.effects).toEqual([{ t: "var", key: "before", value: 1 }]);
    await memHealthy();
    await memHealthy();
    if (o.kind === "crashed") {
      expect(mem.stats().crashes).toBe(crashesBefore + 1);
      expect(events.some((e) => e.kind === "child-exit")).toBe(true);
    }
  });
});
