// Group 2 — page execution through the runtime: runPage on the warm isolate path against the same compiled
// code in-process; isolate/context creation; bundle load into a fresh isolate with and without V8 code cache.
import { createRequire } from "node:module";
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { compare, pairedRatio, median, quantile, spreadPct } from "../lib/measure.mjs";
import { ROOT, minimalRt } from "../lib/pagec.mjs";
import { writeRuntimeSite, rawRequest } from "../lib/runtime-site.mjs";
import { inProcessPool } from "../lib/in-process-pool.mjs";

const require = createRequire(join(ROOT, "package.json"));

/** Compiles the runtime site and starts a site runtime with one isolate and an SQLite store seeded for the CRM read. */
export async function startRuntimeSite(pagec, isolates = 1) {
  const siteDir = writeRuntimeSite();
  const built = await pagec.compileSite(siteDir, { write: false });
  if (!built.ok) throw new Error(`runtime site does not compile: ${built.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  const [lb, rtIndex, store] = await Promise.all([pagec.imp("runtime/load-bundles.js"), pagec.imp("runtime/index.js"), pagec.imp("runtime/store/index.js")]);
  const loaded = lb.loadFromFiles(built.manifest, built.files);
  const dbDir = mkdtempSync(join(tmpdir(), "pagec-bench-db-"));
  const db = store.openSqliteStore(join(dbDir, "bench.sqlite"), { purgeIntervalMs: 0 });
  await db.crm("bench", { fn: "setCrmFields", entity: "profile", referenceType: "customer", referenceId: "bench@example.com", fields: [{ fieldKey: "first_name", value: "ada" }, { fieldKey: "plan", value: "pro" }, { fieldKey: "visits", value: 42 }] });
  const siteRt = await rtIndex.createSiteRuntime(loaded, db, { isolates, warn() {} });
  const close = async () => { await siteRt.pool?.close(); await db.close?.(); rmSync(dbDir, { recursive: true, force: true }); rmSync(siteDir, { recursive: true, force: true }); };
  return { siteDir, built, loaded, siteRt, rtIndex, db, close };
}

export async function runtimeGroup(pagec, opts, log) {
  const s = await startRuntimeSite(pagec);
  const { Job } = await pagec.imp("runtime/sandbox/job.js");
  const { hostOps } = await pagec.imp("runtime/pages/host-ops.js");
  const pool = inProcessPool(s.loaded, Job, hostOps(s.siteRt, []));
  const inProc = { ...s.siteRt, pool };
  const req = { script: rawRequest("/script"), table: rawRequest("/table") };
  const first = await s.rtIndex.runPage(inProc, req.script);
  await pool.prefetch();
  const [viaIsolate, viaProcess] = [await s.rtIndex.runPage(s.siteRt, req.script), await s.rtIndex.runPage(inProc, req.script)];
  const same = viaIsolate.body === viaProcess.body && viaIsolate.status === viaProcess.status;
  log(`  script page: ${viaIsolate.status}, ${viaIsolate.body.length} bytes; in-process output ${same ? "identical" : "DIFFERENT"} (first in-process run before prefetch: ${first.status})`);
  const sampling = { ...opts.sampling, batchMs: opts.quick ? 20 : 100 };
  const script = await compare([
    { name: "warm isolate (runPage)", async: true, fn: () => s.rtIndex.runPage(s.siteRt, req.script) },
    { name: "in-process (runPage, node:vm)", async: true, fn: () => s.rtIndex.runPage(inProc, req.script) },
  ], sampling);
  const tableRoute = s.loaded.routes.find((r) => r.entry.slug === "table");
  const tableInput = { var: s.loaded.variables };
  const table = await compare([
    { name: "runtime (runPage)", async: true, fn: () => s.rtIndex.runPage(s.siteRt, req.table) },
    { name: "render function only", fn: () => tableRoute.render.render(tableInput, minimalRt) },
  ], sampling);
  const scriptRatio = pairedRatio(script[0], script[1]);
  const tableRatio = pairedRatio(table[0], table[1]);
  const isolate = await isolateCosts(s.loaded, opts);
  await s.close();
  const row = (r) => ({ name: r.name, usPerRequest: r.nsPerOp / 1000, perSec: r.opsPerSec, spreadPct: r.spreadPct });
  return {
    scriptPage: { rows: script.map(row), isolateVsInProcess: scriptRatio.ratio, ratioSpreadPct: scriptRatio.spreadPct, outputsIdentical: same, hostCallsPerRequest: pool.hostCalls / Math.max(1, script[1].samples.length * script[1].batch) },
    tablePage: { rows: table.map(row), runtimeVsRenderOnly: tableRatio.ratio, ratioSpreadPct: tableRatio.spreadPct, note: "pages without a backend script never enter an isolate: this is the runtime's own overhead" },
    isolate,
  };
}

/** Isolate and context creation, and loading prelude + page bundle into a fresh isolate (with/without code cache). */
async function isolateCosts(loaded, opts) {
  const ivm = require("isolated-vm");
  const n = opts.quick ? 10 : 60;
  const route = loaded.routes.find((r) => r.script);
  const { produceCodeCache } = await import(new URL("../../build/runtime/sandbox/index.js", import.meta.url).href);
  const preludeCache = loaded.prelude.cache ?? produceCodeCache(loaded.prelude.code, loaded.prelude.filename);
  // The dist's own caches are what the runtime uses; a cache produced here for the same code shows what is achievable.
  const bundleCache = route.script.cache ?? produceCodeCache(route.script.code, route.script.filename);
  const freshPrelude = produceCodeCache(loaded.prelude.code, loaded.prelude.filename);
  const freshBundle = produceCodeCache(route.script.code, route.script.filename);
  const initJson = JSON.stringify({ formatVersion: 1, kind: "script", site: loaded.site, variables: loaded.variables });
  const ab = (u8) => new ivm.ExternalCopy(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength));
  const stat = (xs) => ({ p50: median(xs), p90: quantile(xs, 0.9), p99: quantile(xs, 0.99), spreadPct: spreadPct(xs), samples: xs.length });
  const newIsolate = [], newContext = [], loadCached = [], loadCold = [], loadFresh = [];
  const rejected = { prelude: 0, bundle: 0, freshPrelude: 0, freshBundle: 0 };
  const shared = new ivm.Isolate({ memoryLimit: 128 });
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const iso = new ivm.Isolate({ memoryLimit: 128 });
    const ctx = await iso.createContext();
    newIsolate.push(performance.now() - t);
    t = performance.now();
    const c2 = await shared.createContext();
    newContext.push(performance.now() - t);
    c2.release();
    for (const [kind, into] of [["dist", loadCached], ["none", loadCold], ["fresh", loadFresh]]) {
      const target = kind === "dist" ? iso : new ivm.Isolate({ memoryLimit: 128 });
      const tctx = kind === "dist" ? ctx : await target.createContext();
      const pc = kind === "dist" ? preludeCache : kind === "fresh" ? freshPrelude : null;
      const bc = kind === "dist" ? bundleCache : kind === "fresh" ? freshBundle : null;
      t = performance.now();
      const p = await target.compileScript(loaded.prelude.code, { filename: loaded.prelude.filename, ...(pc ? { cachedData: ab(pc) } : {}) });
      const b = await target.compileScript(route.script.code, { filename: route.script.filename, ...(bc ? { cachedData: ab(bc) } : {}) });
      const entry = await p.run(tctx, { reference: true });
      await entry.apply(undefined, ["init", initJson], { result: { promise: true, copy: true } });
      await b.run(tctx);
      into.push(performance.now() - t);
      if (kind === "dist") { rejected.prelude += p.cachedDataRejected ? 1 : 0; rejected.bundle += b.cachedDataRejected ? 1 : 0; }
      if (kind === "fresh") { rejected.freshPrelude += p.cachedDataRejected ? 1 : 0; rejected.freshBundle += b.cachedDataRejected ? 1 : 0; }
      if (kind !== "dist") target.dispose();
    }
    iso.dispose();
  }
  shared.dispose();
  return {
    newIsolateAndContextMs: stat(newIsolate), newContextInIsolateMs: stat(newContext),
    bundleLoadWithCacheMs: stat(loadCached), bundleLoadWithoutCacheMs: stat(loadCold), bundleLoadWithFreshCacheMs: stat(loadFresh),
    cacheRejections: rejected, codeCacheBytes: { prelude: preludeCache?.byteLength ?? 0, bundle: bundleCache?.byteLength ?? 0 },
    definition: "compile prelude + page bundle into a fresh isolate, run the prelude, entry('init'), run the bundle (isolate creation excluded)",
  };
}
