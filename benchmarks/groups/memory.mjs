// Group 5 — memory: what one warm site costs. Each site's isolate lives in a sandbox child process, so the
// honest per-site figure is that child's RSS plus the host heap the loaded site keeps; from it, sites per GB.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "../lib/pagec.mjs";
import { writeRuntimeSite, rawRequest } from "../lib/runtime-site.mjs";

const require = createRequire(join(ROOT, "package.json"));
const MB = 2 ** 20;

function rssOf(pid) {
  try { return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) * 1024; } catch { return null; }
}

export async function memoryGroup(pagec, opts, log) {
  const siteDir = writeRuntimeSite();
  const built = await pagec.compileSite(siteDir, { write: false });
  const [lb, rtIndex, store] = await Promise.all([pagec.imp("runtime/load-bundles.js"), pagec.imp("runtime/index.js"), pagec.imp("runtime/store/index.js")]);

  // Host side: heap kept per loaded site (bundles, render modules, variables), averaged over several copies.
  const copies = opts.quick ? 5 : 20;
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const keep = [];
  for (let i = 0; i < copies; i++) keep.push(lb.loadFromFiles(built.manifest, built.files));
  global.gc?.();
  const hostHeapPerSite = Math.max(0, (process.memoryUsage().heapUsed - before) / copies);

  // Isolate side: one warm site runtime (one isolate in one sandbox child), after some requests.
  const pids = [];
  const db = store.openSqliteStore(join(siteDir, "bench.sqlite"), { purgeIntervalMs: 0 });
  const siteRt = await rtIndex.createSiteRuntime(keep[0], db, { isolates: 1, warn() {}, onEvent: (e) => { if (e.kind === "child-started") pids.push(e.pid); } });
  for (let i = 0; i < (opts.quick ? 50 : 500); i++) await rtIndex.runPage(siteRt, rawRequest("/script"));
  const childRss = pids.map(rssOf).filter((x) => x !== null);
  await siteRt.pool?.close();

  // The isolate's own heap with the prelude and bundle loaded and one prepared context, as V8 reports it.
  const ivm = require("isolated-vm");
  const iso = new ivm.Isolate({ memoryLimit: 128 });
  const route = keep[0].routes.find((r) => r.script);
  const ctx = await iso.createContext();
  const entry = await (await iso.compileScript(keep[0].prelude.code, { filename: keep[0].prelude.filename })).run(ctx, { reference: true });
  await entry.apply(undefined, ["init", JSON.stringify({ formatVersion: 1, kind: "script", site: keep[0].site, variables: keep[0].variables })], { result: { promise: true, copy: true } });
  await (await iso.compileScript(route.script.code, { filename: route.script.filename })).run(ctx);
  const hs = iso.getHeapStatisticsSync();
  iso.dispose();
  await db.close?.();

  const childRssMb = childRss.length ? childRss[0] / MB : null;
  const perSiteMb = childRssMb === null ? null : childRssMb + hostHeapPerSite / MB;
  const result = {
    sandboxChildRssMb: childRssMb,
    isolateHeapUsedMb: hs.used_heap_size / MB,
    isolateHeapTotalMb: hs.total_heap_size / MB,
    hostHeapPerSiteMb: hostHeapPerSite / MB,
    perSiteMb,
    sitesPerGb: perSiteMb ? Math.floor(1024 / perSiteMb) : null,
    sitesPerGbIsolateHeapOnly: Math.floor(1024 / (hs.total_heap_size / MB + hostHeapPerSite / MB)),
    note: "one isolate per site in its own sandbox child process (SPEC §6.10); the child's RSS includes a Node runtime. Static sites start no child at all.",
    gcExposed: typeof global.gc === "function",
  };
  log(`  memory: child RSS ${childRssMb?.toFixed(1)} MB, isolate heap ${result.isolateHeapUsedMb.toFixed(1)} MB, host ${result.hostHeapPerSiteMb.toFixed(2)} MB/site → ${result.sitesPerGb} sites/GB`);
  return result;
}
