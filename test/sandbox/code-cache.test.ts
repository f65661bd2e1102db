// Code cache (SPEC §8.6): produceCodeCache gives V8 cached data the children accept; stale data is rejected and
// replaced by a cache produced in memory, without changing behaviour.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { createSandboxPool, produceCodeCache, type SandboxEvent } from "../../runtime/sandbox/index.js";
import { buildRepo, page, prelude, recorder, root } from "./helpers.js";

beforeAll(() => buildRepo());

describe("produceCodeCache", () => {
  it("produces non-empty cached data in this process", () => {
    const data = produceCodeCache(prelude.code, prelude.filename);
    expect(data).toBeInstanceOf(Uint8Array);
    expect(data!.byteLength).toBeGreaterThan(0);
  });

  it("also works from a Node process started without --no-node-snapshot", () => {
    const script = `import("${root}build/runtime/sandbox/code-cache.js").then((m) => {
      const d = m.produceCodeCache("function f(a) { return a + 1 } f(1);", "x.js");
      process.stdout.write(String(d && d.byteLength));
    });`;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
    expect(Number(out)).toBeGreaterThan(0);
  });
});

describe("cache use in the pool", () => {
  async function warm(cacheFor: (code: string, filename: string) => Uint8Array | undefined): Promise<SandboxEvent[]> {
    const events: SandboxEvent[] = [];
    const [slug, src] = page("p", `emit({ t: "var", key: "v", value: 42 });`);
    const pool = createSandboxPool({
      prelude: { ...prelude, cache: cacheFor(prelude.code, prelude.filename) },
      bundles: new Map([[slug, { ...src, cache: cacheFor(src.code, src.filename) }]]),
      initJson: "{}",
      isolates: 1,
      memoryMb: 32,
      scriptCpuMs: 500,
      scriptWallMs: 2000,
      onEvent: (e) => void events.push(e),
    });
    try {
      await pool.ready;
      const r = recorder();
      expect(await pool.runScript("p", "{}", r)).toEqual({ kind: "done" });
      expect(r.effects).toEqual([{ t: "var", key: "v", value: 42 }]);
    } finally {
      await pool.close();
    }
    return events.filter((e) => e.kind === "cache");
  }

  it("accepts caches made by produceCodeCache", async () => {
    const events = await warm((code, filename) => produceCodeCache(code, filename) ?? undefined);
    expect(events).toEqual([
      { kind: "cache", filename: "prelude.test.js", status: "accepted" },
      { kind: "cache", filename: "pages/p.js", status: "accepted" },
    ]);
  });

  it("rejects garbage and produces a fresh cache", async () => {
    const events = await warm(() => new Uint8Array(64).fill(7));
    expect(events.map((e) => (e as { status: string }).status)).toEqual(["rejected", "rejected"]);
  });

  it("produces a cache when none is given", async () => {
    const events = await warm(() => undefined);
    expect(events.map((e) => (e as { status: string }).status)).toEqual(["produced", "produced"]);
  });
});
