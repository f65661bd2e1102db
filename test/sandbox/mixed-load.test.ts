// "An isolate that fails is replaced without failing other requests" (SPEC §6.10): a burst of ordinary requests
// interleaved with CPU hogs and process-aborting Map bombs; every ordinary request completes with its own effects.
import { beforeAll, expect, it, vi } from "vitest";
import { createSandboxPool } from "../../runtime/sandbox/index.js";
import { buildRepo, page, prelude, recorder } from "./helpers.js";

beforeAll(() => buildRepo());

it("keeps serving ordinary requests while others hit limits or crash their child", async () => {
  const pool = createSandboxPool({
    prelude,
    bundles: new Map([
      page("echo", `const v = hostCall("id", input.n); emit({ t: "var", key: "n", value: v });`),
      page("spin", `while (true) {}`),
      page("map-bomb", `const m = new Map(); for (let i = 0; ; i++) m.set(i, { i });`),
    ]),
    initJson: "{}",
    isolates: 2,
    memoryMb: 32,
    // Long enough that a Map bomb exhausts its 32 MB before the CPU limit even on a loaded machine, as with the
    // default budgets; a bomb stopped by CPU first keeps its process (runtime/sandbox/README.md, "Limits").
    scriptCpuMs: 1500,
    scriptWallMs: 5000,
  });
  try {
    await pool.ready;
    const runs = Array.from({ length: 40 }, (_, n) => {
      const slug = n % 10 === 3 ? "spin" : n % 10 === 7 ? "map-bomb" : "echo";
      const r = recorder(async (_op, args) => args);
      return pool.runScript(slug, JSON.stringify({ n }), r).then((o) => ({ n, slug, o, r }));
    });
    const results = await Promise.all(runs);
    for (const { n, slug, o, r } of results) {
      if (slug === "echo") {
        expect(o).toEqual({ kind: "done" });
        expect(r.effects).toEqual([{ t: "var", key: "n", value: n }]);
      } else if (slug === "spin") {
        expect(o.kind).toBe("cpu");
      } else {
        expect(["memory", "crashed", "cpu"]).toContain(o.kind);
      }
    }
    // Replacement is counted when the child reports it idle again, just after the outcome.
    await vi.waitFor(() => {
      const s = pool.stats();
      expect(s.recycled + s.crashes).toBeGreaterThanOrEqual(8);
    });
  } finally {
    await pool.close();
  }
}, 60000);
