// Turns one run's results into latest.md (headline goals first, then a table per group) and one SVG per group.
import { barChart, lineChart, fmt } from "./svg.mjs";

const f = (v, d = 3) => fmt(v, d);
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "–");
const pct = (v) => (Number.isFinite(v) ? `±${Math.round(v / 2)}%` : "");

function goalLine(gl) {
  const unit = gl.id.endsWith("p50") || gl.id === "check-warm" ? " ms" : "×";
  const shown = gl.ratio === null ? "not measured" : `${gl.ratio.toFixed(2)}${unit}`;
  const verdict = gl.ratio === null ? "**not measured**" : gl.met ? "met" : "**missed**";
  return `| ${gl.id} | ${gl.description} | ${shown} | ${gl.direction === "max" ? "≥" : "≤"} ${gl.target}${unit} | ${verdict} |`;
}

export function markdown(res) {
  const e = res.environment, g = res.groups, L = [];
  L.push(`# pagec benchmark — ${res.mode} run`, "");
  L.push(`${e.date} · ${e.cpu} (${e.cores} cores, ${e.memoryGb} GB) · Node ${e.node} · V8 ${e.v8} · pagec ${e.pagec} · ${e.platform}`, "");
  L.push(`Command: \`${res.command}\` · total ${Math.round(res.totalSeconds)} s · load average at start ${e.loadAverageAtStart?.[0] ?? "?"}, at end ${e.loadAverage[0]} (on ${e.cores} cores; above ~${e.cores} the figures are noisy)`, "");
  if (res.goals.length) {
    L.push("## Goals", "", "| goal | measured as | result | target | verdict |", "|---|---|---|---|---|");
    for (const gl of res.goals) L.push(goalLine(gl));
    const missed = res.goals.filter((gl) => !gl.met);
    L.push("", missed.length ? `Missed in this run: ${missed.map((gl) => gl.id).join(", ")}.` : "Every goal was met in this run.", "");
  }
  if (g.render) {
    L.push("## 1. Template render, in-process", "", "µs per render: median of interleaved samples (± half the min–max spread). `vs pagec` is the median of per-round cost ratios: above 1 means slower than pagec. Output is compared with pagec's (whitespace removed, entity spellings made canonical) before timing; only `equal` peers count for the goal.", "");
    for (const w of g.render.workloads) {
      L.push(`### ${w.title} (${w.id}, ${f(w.outputBytes / 1000)} KB)`, "", "| contender | µs/render | renders/s | vs pagec | output |", "|---|---|---|---|---|");
      for (const r of [...w.rows].sort((a, b) => a.usPerRender - b.usPerRender)) L.push(`| ${r.kind === "pagec" ? "**pagec**" : r.name} | ${f(r.usPerRender)} ${pct(r.spreadPct)} | ${f(r.rendersPerSec)} | ${x(r.costVsPagec)} | ${r.equality}${r.detail && r.equality !== "equal" ? ` (${r.detail.replace(/\|/g, "\\|").slice(0, 90)})` : ""} |`);
      L.push("", `pagec vs fastest equal-output peer (${w.fastestPeer ?? "none"}): ${x(w.vsFastestPeer)} throughput; pagec vs literal: ${x(w.vsLiteral)} time.`);
      if (w.fastestPeerAnyOutput) L.push(`Fastest peer regardless of output: ${w.fastestPeerAnyOutput.name} (${w.fastestPeerAnyOutput.equality}), ${x(w.fastestPeerAnyOutput.vsPagec)} of pagec's cost.`);
      if (w.skipped.length) L.push(`Could not render: ${w.skipped.map((s) => `${s.name} (${s.error})`).join("; ")}.`);
      L.push("");
    }
    if (g.render.enginesFailed.length) L.push(`Engines that did not load: ${g.render.enginesFailed.map((s) => `${s.name} (${s.error})`).join("; ")}.`, "");
  }
  if (g.runtime) {
    const r = g.runtime, i = r.isolate;
    L.push("## 2. Page execution through the runtime", "", "| page | path | µs/request | requests/s |", "|---|---|---|---|");
    for (const row of r.scriptPage.rows) L.push(`| script (Schema, CRM read, 5 setVariable) | ${row.name} | ${f(row.usPerRequest)} ${pct(row.spreadPct)} | ${f(row.perSec)} |`);
    for (const row of r.tablePage.rows) L.push(`| 97 KB table (no script) | ${row.name} | ${f(row.usPerRequest)} ${pct(row.spreadPct)} | ${f(row.perSec)} |`);
    L.push("", `Warm isolate ÷ in-process: ${x(r.scriptPage.isolateVsInProcess)} (outputs ${r.scriptPage.outputsIdentical ? "identical" : "DIFFERENT"}). The in-process baseline runs the same prelude and bundle in a fresh node:vm context per request, with CRM answers prefetched from the same store. Table page, runtime ÷ bare render function: ${x(r.tablePage.runtimeVsRenderOnly)}.`, "");
    L.push("| isolate cost | p50 ms | p90 ms | p99 ms |", "|---|---|---|---|");
    for (const [k, label] of [["newIsolateAndContextMs", "new isolate + context"], ["newContextInIsolateMs", "new context in an existing isolate"], ["bundleLoadWithCacheMs", "bundle load, with the dist's V8 code cache"], ["bundleLoadWithFreshCacheMs", "bundle load, with a cache produced in this run"], ["bundleLoadWithoutCacheMs", "bundle load, without code cache"]]) L.push(`| ${label} | ${f(i[k].p50)} | ${f(i[k].p90)} | ${f(i[k].p99)} |`);
    L.push("", `Bundle load = ${i.definition}. Code cache: prelude ${i.codeCacheBytes.prelude} B, bundle ${i.codeCacheBytes.bundle} B; the dist's caches were rejected by V8 ${i.cacheRejections.prelude}× (prelude) and ${i.cacheRejections.bundle}× (bundle) of ${i.bundleLoadWithCacheMs.samples}; caches produced in this run ${i.cacheRejections.freshPrelude}× and ${i.cacheRejections.freshBundle}×.${i.cacheRejections.bundle ? " **V8 rejects the page-bundle cache written by the build, so the page bundle is compiled from source on every load (the prelude cache is accepted).**" : ""}`, "");
  }
  if (g.http) {
    const h = g.http;
    L.push("## 3. HTTP", "", `Page: landing (${h.bytes} B), autocannon on loopback, ${h.connections} connections, ${h.durationS} s per run, rounds interleaved; servers in separate processes.`, "", "| server | output | req/s | p50 ms | p99 ms | req/s (pipelining 10) | p50 | p99 | errors |", "|---|---|---|---|---|---|---|---|---|");
    for (const r of h.rows) L.push(`| ${r.kind === "pagec" ? "**pagec serve**" : r.name} | ${r.equality} | ${f(r.noPipelining.rps)} | ${r.noPipelining.p50Ms} | ${r.noPipelining.p99Ms} | ${f(r.pipelining10.rps)} | ${r.pipelining10.p50Ms} | ${r.pipelining10.p99Ms} | ${r.noPipelining.errors + r.pipelining10.errors} |`);
    L.push("", `pagec ÷ Fastify+Eta: ${x(h.vsFastifyEta.noPipelining)} (no pipelining), ${x(h.vsFastifyEta.pipelining10)} (pipelining 10); pagec ÷ constant bytes: ${x(h.vsConstant)}.`, "");
  }
  if (g.build) {
    const b = g.build;
    L.push("## 4. Compile and check", "", "| build | pages | ms | pages/s |", "|---|---|---|---|");
    for (const [k, v] of Object.entries(b.builds)) L.push(`| ${k} | ${v.pages} | ${f(v.msMedian)} ${pct(v.spreadPct)} | ${f(v.pagesPerSec)} |`);
    const c = b.check;
    L.push("", `Check of \`${c.page}\` in ${c.site}, fresh process, median of ${c.samples} warm calls each with a one-line edit (module import ${f(c.importMs)} ms not included):`, "",
      "| check | cold ms | warm ms |", "|---|---|---|",
      `| analysis without type checking | ${f(c.coldMs)} | ${f(c.warmMs)} |`,
      `| analysis + TypeScript checker kept warm (language server, watch) | ${f(c.typedColdMs)} | ${f(c.typedWarmMs)} |`,
      `| public \`checkSource\` (makes a new TypeScript checker per call) | ${f(c.checkSourceColdMs)} | ${f(c.checkSourceWarmMs)} |`, "");
  }
  if (g.memory) {
    const m = g.memory;
    L.push("## 5. Memory", "", "| per warm site | MB |", "|---|---|", `| sandbox child process RSS (one isolate) | ${f(m.sandboxChildRssMb)} |`, `| isolate heap used / total | ${f(m.isolateHeapUsedMb)} / ${f(m.isolateHeapTotalMb)} |`, `| host heap per loaded site | ${f(m.hostHeapPerSiteMb)} |`, "", `Sites per GB: ${m.sitesPerGb ?? "–"} counting the child process; ${m.sitesPerGbIsolateHeapOnly} if isolates shared one process (heap only). ${m.note}`, "");
  }
  if (g.scaling) {
    const s = g.scaling;
    L.push("## 6. Scaling", "", "| page size | rows | pagec µs | literal µs | pagec MB/s |", "|---|---|---|---|---|");
    for (const r of s.render) L.push(`| ${f(r.outputBytes / 1000)} KB | ${r.rows} | ${f(r.pagecUs)} | ${f(r.literalUs)} | ${f(r.pagecMBps)} |`);
    L.push("", "| site size (pages) | build ms | ms/page |", "|---|---|---|");
    for (const r of s.build) L.push(`| ${r.pages} | ${f(r.ms)} | ${f(r.msPerPage)} |`);
    L.push("");
  }
  if (Object.keys(res.errors).length) L.push("## Errors", "", ...Object.entries(res.errors).map(([k, v]) => `- ${k}: ${v}`), "");
  L.push("## Versions", "", Object.entries(e.versions).map(([k, v]) => `${k} ${v ?? "?"}`).join(" · "), "");
  return L.join("\n");
}

/** The README's headline: environment line, the goal table, and the per-workload render ratios. */
export function headline(res) {
  const e = res.environment, L = [];
  L.push(`${e.date.slice(0, 10)} · ${e.cpu}, ${e.cores} cores · Node ${e.node} · load average ${e.loadAverageAtStart?.[0] ?? "?"} → ${e.loadAverage[0]} · \`${res.command}\` · ${res.mode} run, ${Math.round(res.totalSeconds)} s`, "");
  L.push("| goal | measured as | result | target | verdict |", "|---|---|---|---|---|");
  for (const gl of res.goals) L.push(goalLine(gl));
  const w = res.groups.render?.workloads ?? [];
  if (w.length) {
    L.push("", "| render workload | fastest equal-output peer | pagec ÷ that peer (throughput) | pagec ÷ literal (time) |", "|---|---|---|---|");
    for (const x of w) L.push(`| ${x.id} | ${x.fastestPeer ?? "–"} | ${Number.isFinite(x.vsFastestPeer) ? x.vsFastestPeer.toFixed(2) : "–"}× | ${Number.isFinite(x.vsLiteral) ? x.vsLiteral.toFixed(2) : "–"}× |`);
  }
  L.push("", "Full tables: [results/latest.md](results/latest.md). Charts: " + ["render", "runtime", "http", "build", "memory", "scaling-render", "scaling-build"].map((n) => `[${n}](results/${n}.svg)`).join(" · "), "");
  L.push("![render throughput](results/render.svg)", "");
  return L.join("\n");
}

export function charts(res) {
  const g = res.groups, sub = `${res.environment.cpu}, ${res.environment.cores} cores · Node ${res.environment.node} · ${res.mode} run`;
  const out = {};
  if (g.render) out["render.svg"] = barChart("Template render, in-process — renders per second", sub, g.render.workloads.map((w) => ({
    title: w.title, unit: "renders/s", better: "higher",
    bars: [...w.rows].sort((a, b) => b.rendersPerSec - a.rendersPerSec).map((r) => ({ label: r.name, value: r.rendersPerSec, kind: r.kind === "peer" && r.equality !== "equal" ? "invalid" : r.kind, note: r.equality !== "equal" && r.equality !== "reference" ? r.equality : r.kind === "pagec" ? "" : `${x(r.costVsPagec)} pagec's time` })),
  })));
  if (g.runtime) out["runtime.svg"] = barChart("Page execution through the runtime", sub, [
    { title: "Script page (Schema, CRM read)", unit: "µs per request", better: "lower", bars: g.runtime.scriptPage.rows.map((r, i) => ({ label: r.name, value: r.usPerRequest, kind: i === 0 ? "pagec" : "limit" })) },
    { title: "97 KB table page (no script)", unit: "µs per request", better: "lower", bars: g.runtime.tablePage.rows.map((r, i) => ({ label: r.name, value: r.usPerRequest, kind: i === 0 ? "pagec" : "limit" })) },
    { title: "Isolate costs (p50)", unit: "ms", better: "lower", bars: [["newIsolateAndContextMs", "new isolate + context"], ["newContextInIsolateMs", "new context"], ["bundleLoadWithCacheMs", "bundle load, dist cache"], ["bundleLoadWithFreshCacheMs", "bundle load, fresh cache"], ["bundleLoadWithoutCacheMs", "bundle load, no cache"]].map(([k, label]) => ({ label, value: g.runtime.isolate[k].p50, kind: k === "bundleLoadWithCacheMs" ? "pagec" : "peer" })) },
  ]);
  if (g.http) out["http.svg"] = barChart("HTTP — landing page on loopback", sub, [
    { title: "No pipelining, 50 connections", unit: "requests/s", better: "higher", bars: g.http.rows.map((r) => ({ label: r.name, value: r.noPipelining.rps, kind: r.kind === "pagec" ? "pagec" : r.kind === "constant" ? "limit" : "peer", note: `p50 ${r.noPipelining.p50Ms} ms, p99 ${r.noPipelining.p99Ms} ms` })) },
    { title: "Pipelining 10, 50 connections", unit: "requests/s", better: "higher", bars: g.http.rows.map((r) => ({ label: r.name, value: r.pipelining10.rps, kind: r.kind === "pagec" ? "pagec" : r.kind === "constant" ? "limit" : "peer", note: `p50 ${r.pipelining10.p50Ms} ms, p99 ${r.pipelining10.p99Ms} ms` })) },
  ]);
  if (g.build) out["build.svg"] = barChart("Compile and check", sub, [
    { title: `Build a generated site (${Object.values(g.build.builds)[0].pages} pages)`, unit: "pages/s", better: "higher", bars: Object.entries(g.build.builds).map(([k, v], i) => ({ label: k, value: v.pagesPerSec, kind: i === 0 ? "pagec" : "peer" })) },
    { title: "Check one page", unit: "ms", better: "lower", bars: [["coldMs", "cold, no type checking"], ["warmMs", "warm, no type checking"], ["typedColdMs", "cold, type checking"], ["typedWarmMs", "warm, type checker kept warm"], ["checkSourceWarmMs", "checkSource, warm"]].map(([k, label]) => ({ label, value: g.build.check[k], kind: k === "typedWarmMs" ? "pagec" : "peer" })) },
  ]);
  if (g.memory) out["memory.svg"] = barChart("Memory per warm site", sub, [
    { title: `About ${g.memory.sitesPerGb ?? "?"} sites per GB (one sandbox process per site)`, unit: "MB", better: "lower", bars: [["sandboxChildRssMb", "sandbox child RSS"], ["isolateHeapTotalMb", "isolate heap (total)"], ["isolateHeapUsedMb", "isolate heap (used)"], ["hostHeapPerSiteMb", "host heap per site"]].map(([k, label], i) => ({ label, value: g.memory[k], kind: i === 0 ? "pagec" : "peer" })) },
  ]);
  if (g.site?.ok) out["site.svg"] = barChart(`Your site — ${g.site.siteDir}`, sub, [
    { title: "Pages through runPage (in-process, one isolate)", unit: "requests/s", better: "higher", bars: g.site.pages.map((p) => ({ label: p.url, value: p.perSec, kind: p.script ? "peer" : "pagec", note: `${p.status}, ${p.bytes} B${p.script ? ", backend script" : ""}` })) },
  ]);
  if (g.scaling) {
    out["scaling-render.svg"] = lineChart("Render time against page size (table page)", sub, { xLabel: "output bytes", yLabel: "µs per render", series: [
      { name: "pagec", kind: "pagec", points: g.scaling.render.map((r) => [r.outputBytes, r.pagecUs]) },
      { name: "template literal", kind: "limit", points: g.scaling.render.map((r) => [r.outputBytes, r.literalUs]) },
    ] });
    out["scaling-build.svg"] = lineChart("Build time against site size", sub, { xLabel: "pages", yLabel: "build ms", series: [
      { name: "pagec build (code cache on)", kind: "pagec", points: g.scaling.build.map((r) => [r.pages, r.ms]) },
    ] });
  }
  return out;
}
