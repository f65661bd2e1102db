// `pagec bench <site>`: the user's own site — build time, warm check time, and each page (exact routes, GET)
// through runPage in-process with a real isolate pool and a throwaway SQLite store.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { compare, median, timeMs } from "../lib/measure.mjs";
import { rawRequest } from "../lib/runtime-site.mjs";

export async function siteGroup(pagec, siteDir, opts, log) {
  const builds = [];
  let built;
  for (let i = 0; i < (opts.quick ? 1 : 3); i++) builds.push(await timeMs(async () => { built = await pagec.compileSite(siteDir, { write: false }); }));
  const errors = built.diagnostics.filter((d) => d.severity === "error");
  if (!built.ok) return { siteDir, ok: false, errors: errors.slice(0, 20).map((d) => `${d.file}:${d.line ?? "?"} ${d.code} ${d.message}`) };
  const checks = [];
  for (let i = 0; i < (opts.quick ? 2 : 5); i++) checks.push(await timeMs(() => pagec.checkSite(siteDir)));
  const [lb, rtIndex, store] = await Promise.all([pagec.imp("runtime/load-bundles.js"), pagec.imp("runtime/index.js"), pagec.imp("runtime/store/index.js")]);
  const loaded = lb.loadFromFiles(built.manifest, built.files);
  const dbDir = mkdtempSync(join(tmpdir(), "pagec-bench-site-"));
  const db = store.openSqliteStore(join(dbDir, "db.sqlite"), { purgeIntervalMs: 0 });
  const rt = await rtIndex.createSiteRuntime(loaded, db, { isolates: 1, warn() {} });
  const routes = loaded.routes.filter((r) => !r.entry.slug.includes("{")).slice(0, opts.quick ? 5 : 25);
  const contenders = [];
  const pages = [];
  for (const r of routes) {
    const url = r.entry.slug === "index" ? "/" : `/${r.entry.slug}`;
    const first = await rtIndex.runPage(rt, rawRequest(url));
    pages.push({ url, status: first.status, bytes: Buffer.byteLength(first.body), script: !!r.script });
    contenders.push({ name: url, async: true, fn: () => rtIndex.runPage(rt, rawRequest(url)) });
  }
  const timed = contenders.length ? await compare(contenders, { ...opts.sampling, batchMs: opts.quick ? 20 : 80 }) : [];
  timed.forEach((t, i) => Object.assign(pages[i], { usPerRequest: t.nsPerOp / 1000, perSec: t.opsPerSec, spreadPct: t.spreadPct }));
  await rt.pool?.close();
  await db.close?.();
  rmSync(dbDir, { recursive: true, force: true });
  log(`  site ${siteDir}: ${built.manifest.routes.length} routes, build ${Math.round(median(builds))} ms`);
  return { siteDir, ok: true, routes: built.manifest.routes.length, buildMs: median(builds), checkMs: median(checks), pages };
}

export function siteMarkdown(s) {
  if (!s.ok) return `## Your site\n\n${s.siteDir} does not compile:\n\n${s.errors.map((e) => `- ${e}`).join("\n")}\n`;
  const L = ["## Your site", "", `${s.siteDir}: ${s.routes} routes, build ${s.buildMs.toFixed(0)} ms, whole-site check ${s.checkMs.toFixed(1)} ms (warm).`, "", "| page | status | bytes | backend script | µs/request | requests/s |", "|---|---|---|---|---|---|"];
  for (const p of s.pages) L.push(`| ${p.url} | ${p.status} | ${p.bytes} | ${p.script ? "yes" : "no"} | ${p.usPerRequest?.toFixed(1) ?? "–"} | ${p.perSec ? Math.round(p.perSec) : "–"} |`);
  return L.join("\n") + "\n";
}
