// Scheduling across children (SPEC §6.10, §9): one phase per isolate, a FIFO queue, bounded queue length and
// waiting time, concurrent requests on separate isolates, the watchdog, warm-up failure and close().
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createSandboxPool,
  QueueFullError,
  QueueTimeoutError,
  PoolClosedError,
  type SandboxEvent,
  type SandboxOptions,
  type SandboxPool,
} from "../../runtime/sandbox/index.js";
import { buildRepo, page, prelude, recorder } from "./helpers.js";

const bundles = new Map([
  page("ok", `emit({ t: "var", key: "ok", value: true });`),
  page("slow", `emit({ t: "var", key: "a", value: 1 }); const r = hostCall("slow", {}); emit({ t: "var", key: "a", value: r });`),
  page("hang", `emit({ t: "var", key: "before", value: 1 }); await new Promise(() => {});`),
]);
const pools: SandboxPool[] = [];
function make(extra: Partial<SandboxOptions>): SandboxPool {
  const p = createSandboxPool({ prelude, bundles, initJson: "{}", isolates: 1, memoryMb: 64, scriptCpuMs: 500, scriptWallMs: 3000, ...extra });
  pools.push(p);
  return p;
}
function deferred(): { promise: Promise<unknown>; resolve(v: unknown): void } {
  let resolve!: (v: unknown) => void;
  const promise = new Promise<unknown>((r) => (resolve = r));
  return { promise, resolve };
}

beforeAll(() => buildRepo());
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("concurrency", () => {
  it("a slow host call in request A does not stall request B on another isolate", async () => {
    const pool = make({ isolates: 2 });
    await pool.ready;
    const gate = deferred();
    const order: string[] = [];
    const a = recorder(() => gate.promise);
    const pa = pool.runScript("slow", "{}", a).then((o) => (order.push("A"), o));
    await new Promise((r) => setTimeout(r, 50));
    expect(a.calls).toHaveLength(1);
    // Effects are streamed while the phase is still running, not batched at its end.
    expect(a.effects).toEqual([{ t: "var", key: "a", value: 1 }]);
    const b = recorder();
    expect(await pool.runScript("ok", "{}", b)).toEqual({ kind: "done" });
    order.push("B");
    gate.resolve("late");
    expect(await pa).toEqual({ kind: "done" });
    expect(order).toEqual(["B", "A"]);
    expect(a.effects.map((e) => e.value)).toEqual([1, "late"]);
  });

  it("queues FIFO when every isolate is busy", async () => {
    const pool = make({ isolates: 1 });
    await pool.ready;
    const gate = deferred();
    const order: number[] = [];
    const first = pool.runScript("slow", "{}", recorder(() => gate.promise)).then(() => order.push(0));
    const rest = [1, 2, 3].map((i) => pool.runScript("ok", "{}", recorder()).then(() => order.push(i)));
    await new Promise((r) => setTimeout(r, 30));
    expect(pool.stats()).toMatchObject({ queued: 3, busy: 1 });
    gate.resolve(null);
    await Promise.all([first, ...rest]);
    expect(order).toEqual([0, 1, 2, 3]);
  });
});

describe("queue bounds", () => {
  it("rejects with QueueFullError beyond maxQueued", async () => {
    const pool = make({ isolates: 1, maxQueued: 2 });
    await pool.ready;
    const gate = deferred();
    const running = pool.runScript("slow", "{}", recorder(() => gate.promise));
    const queued = [pool.runScript("ok", "{}", recorder()), pool.runScript("ok", "{}", recorder())];
    await expect(pool.runScript("ok", "{}", recorder())).rejects.toBeInstanceOf(QueueFullError);
    gate.resolve(null);
    expect(await running).toEqual({ kind: "done" });
    for (const q of queued) expect(await q).toEqual({ kind: "done" });
  });

  it("rejects with QueueTimeoutError after queueTimeoutMs", async () => {
    const pool = make({ isolates: 1, queueTimeoutMs: 100 });
    await pool.ready;
    const gate = deferred();
    const running = pool.runScript("slow", "{}", recorder(() => gate.promise));
    await expect(pool.runScript("ok", "{}", recorder())).rejects.toBeInstanceOf(QueueTimeoutError);
    expect(pool.stats().queued).toBe(0);
    gate.resolve(null);
    expect(await running).toEqual({ kind: "done" });
  });
});

describe("watchdog", () => {
  it("kills a child that stops responding past wall + grace, answers wall, and respawns", async () => {
    const events: SandboxEvent[] = [];
    const pool = make({ isolates: 1, scriptWallMs: 1000, watchdogGraceMs: 500, onEvent: (e) => void events.push(e) });
    await pool.ready;
    const started = events.find((e) => e.kind === "child-started") as { pid: number };
    const r = recorder();
    const p = pool.runScript("hang", "{}", r);
    await vi.waitFor(() => expect(r.effects).toHaveLength(1));
    // A stopped process stands for a child stuck in something its own timers cannot interrupt.
    process.kill(started.pid, "SIGSTOP");
    const t0 = Date.now();
    expect(await p).toEqual({ kind: "wall", message: "ScriptTimeoutError: wall-clock limit of 1000 ms exceeded" });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
    expect(r.effects).toEqual([{ t: "var", key: "before", value: 1 }]);
    expect(await pool.runScript("ok", "{}", recorder())).toEqual({ kind: "done" });
    expect(pool.stats().crashes).toBe(1);
    expect(events.filter((e) => e.kind === "child-started")).toHaveLength(2);
  });
});

describe("warm-up and close", () => {
  it("rejects ready and answers error when the prelude cannot load", async () => {
    const pool = make({ prelude: { code: "throw new Error('bad prelude')", filename: "bad.js" } });
    await expect(pool.ready).rejects.toThrow(/bad prelude/);
    const o = await pool.runScript("ok", "{}", recorder());
    expect(o.kind).toBe("error");
  });

  it("gives up after a child dies three times in a row during warm-up", async () => {
    const events: SandboxEvent[] = [];
    const bomb = "(() => { const m = new Map(); for (let i = 0; ; i++) m.set(i, { i }); })()";
    const pool = make({ memoryMb: 16, prelude: { code: bomb, filename: "bomb.js" }, onEvent: (e) => void events.push(e) });
    await expect(pool.ready).rejects.toThrow(/exited during warm-up|memory limit/);
    expect(events.filter((e) => e.kind === "child-started").length).toBeLessThanOrEqual(3);
    expect((await pool.runScript("ok", "{}", recorder())).kind).toBe("error");
  });

  it("lets accepted requests finish, then refuses new ones", async () => {
    const pool = make({ isolates: 1 });
    await pool.ready;
    const gate = deferred();
    const running = pool.runScript("slow", "{}", recorder(() => gate.promise));
    const queued = pool.runScript("ok", "{}", recorder());
    const closed = pool.close();
    await expect(pool.runScript("ok", "{}", recorder())).rejects.toBeInstanceOf(PoolClosedError);
    gate.resolve(null);
    expect(await running).toEqual({ kind: "done" });
    expect(await queued).toEqual({ kind: "done" });
    await closed;
  });
});
