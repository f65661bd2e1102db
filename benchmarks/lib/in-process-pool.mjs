// A SandboxPool look-alike that runs the same prelude and page bundle in-process (node:vm, a fresh context per
// request, prelude evaluated and initialised per context as the isolate does). It is the "no isolate" baseline
// for group 2. Host calls must answer synchronously here, so CRM answers are fetched from the same store once
// before timing and then served from memory: the baseline excludes SQLite time, which flatters it.
import vm from "node:vm";

export function inProcessPool(loaded, Job, hostCall) {
  const prelude = new vm.Script(loaded.prelude.code, { filename: loaded.prelude.filename });
  const bundles = new Map();
  for (const r of loaded.routes) if (r.script) bundles.set(r.entry.slug, new vm.Script(r.script.code, { filename: r.script.filename }));
  const initJson = JSON.stringify({ formatVersion: 1, kind: "script", site: loaded.site, variables: loaded.variables });
  const answers = new Map();
  const misses = [];
  let id = 0;
  const pool = {
    ready: Promise.resolve(),
    hostCalls: 0,
    async runScript(slug, inputJson, h) {
      return new Promise((resolve, reject) => {
        const job = new Job(++id, slug, inputJson, h, resolve, reject);
        const ctx = vm.createContext({});
        ctx.__pagecHost = {
          effect: { applySync: (_t, [json]) => job.effect(json) },
          log: { applyIgnored: (_t, [json]) => job.log(json) },
          call: { applySyncPromise: (_t, [op, argsJson]) => {
            pool.hostCalls++;
            const key = `${op}\u0000${argsJson}`;
            if (answers.has(key)) return answers.get(key);
            misses.push([key, op, argsJson]);
            return JSON.stringify({ ok: false, error: "pagec: storage unavailable" });
          } },
        };
        (async () => {
          const entry = prelude.runInContext(ctx);
          await entry("init", initJson);
          bundles.get(slug).runInContext(ctx);
          await entry("script", inputJson);
        })().then(() => job.finish({ kind: "done" }), (e) => job.finish({ kind: "error", message: String(e?.message ?? e) }));
      });
    },
    /** Answers the host calls seen so far from the real store (call once after a first request). */
    async prefetch() {
      for (const [key, op, argsJson] of misses.splice(0)) {
        try { answers.set(key, JSON.stringify({ ok: true, result: (await hostCall(op, JSON.parse(argsJson))) ?? null })); }
        catch (e) { answers.set(key, JSON.stringify({ ok: false, error: String(e?.message ?? e) })); }
      }
    },
    stats: () => ({ isolates: 0, recycled: 0, crashes: 0, queued: 0, busy: 0 }),
    close: async () => {},
  };
  return pool;
}
