#!/usr/bin/env node
// `npm run bench` entry: runs every benchmark group and writes results/latest.json, latest.md and one SVG
// per group. Options: --quick (brief, for CI), --out <dir> (default benchmarks/results), --only <g1,g2>,
// --site <dir> (measure a user's own site instead: `pagec bench <site>`). Needs Node --no-node-snapshot.
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import { loadPagec, ROOT } from "./lib/pagec.mjs";
import { environment } from "./lib/env.mjs";
import { consume } from "./lib/measure.mjs";
import { computeGoals } from "./lib/goals.mjs";
import { markdown, charts, headline } from "./lib/report.mjs";

const { values } = parseArgs({ options: { quick: { type: "boolean" }, out: { type: "string" }, only: { type: "string" }, site: { type: "string" } }, strict: true });
if (!process.execArgv.includes("--no-node-snapshot") && !(process.env.NODE_OPTIONS ?? "").includes("--no-node-snapshot")) {
  process.stderr.write("benchmarks/run.mjs: run with `node --no-node-snapshot` (isolated-vm needs it on Node 20)\n");
  process.exit(2);
}
// A callable gc() makes heap measurements (group 5) steadier; exposing it late is enough for that.
if (typeof global.gc !== "function") { v8.setFlagsFromString("--expose-gc"); global.gc = vm.runInNewContext("gc"); }

const quick = !!values.quick;
const DEFAULT_OUT = fileURLToPath(new URL("./results", import.meta.url));
const out = resolve(values.out ?? (values.site ? "bench-results" : DEFAULT_OUT));
const opts = { quick, sampling: quick ? { samples: 3, batchMs: 10, warmupMs: 50 } : { samples: 15, batchMs: 25, warmupMs: 300 } };
const log = (s) => process.stderr.write(`${s}\n`);
const started = performance.now();
const loadAtStart = (await import("node:os")).loadavg().map((x) => Math.round(x * 100) / 100);
const pagec = await loadPagec();

const GROUPS = [
  ["render", "1. template render", async () => (await import("./groups/render.mjs")).renderGroup(pagec, opts, log)],
  ["runtime", "2. page execution through the runtime", async () => (await import("./groups/runtime.mjs")).runtimeGroup(pagec, opts, log)],
  ["http", "3. HTTP", async () => (await import("./groups/http.mjs")).httpGroup(pagec, opts, log)],
  ["build", "4. compile and check", async () => (await import("./groups/build.mjs")).buildGroup(pagec, opts, log)],
  ["memory", "5. memory", async () => (await import("./groups/memory.mjs")).memoryGroup(pagec, opts, log)],
  ["scaling", "6. scaling curves", async () => (await import("./groups/scaling.mjs")).scalingGroup(pagec, opts, log)],
];
const only = values.only ? new Set(values.only.split(",")) : null;
const groups = {}, errors = {}, seconds = {};
if (values.site) {
  const { siteGroup } = await import("./groups/site.mjs");
  log(`site ${values.site}`);
  groups.site = await siteGroup(pagec, resolve(values.site), opts, log);
} else {
  for (const [id, title, run] of GROUPS) {
    if (only && !only.has(id)) continue;
    log(`${title}${quick ? " (quick)" : ""}`);
    const t0 = performance.now();
    // One retry: other work rebuilding build/ mid-run can break a child process's imports for a moment.
    for (let attempt = 1; attempt <= 2; attempt++) {
      try { groups[id] = await run(); delete errors[id]; break; } catch (e) {
        errors[id] = String(e?.stack ?? e).split("\n").slice(0, 3).join(" ");
        log(`  ${attempt === 1 ? "failed, retrying in 5 s" : "FAILED"}: ${errors[id]}`);
        if (attempt === 1) await new Promise((r) => setTimeout(r, 5000));
      }
    }
    seconds[id] = (performance.now() - t0) / 1000;
  }
}

const result = {
  format: "pagec-bench", version: 1, mode: quick ? "quick" : "full",
  command: `node --no-node-snapshot benchmarks/run.mjs ${process.argv.slice(2).join(" ")}`.trim(),
  environment: { ...environment(ROOT), loadAverageAtStart: loadAtStart }, totalSeconds: (performance.now() - started) / 1000, groupSeconds: seconds,
  goals: values.site ? [] : computeGoals(groups), groups, errors, sink: consume(),
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "latest.json"), JSON.stringify(result, null, 2) + "\n");
let md = markdown(result);
if (values.site) md += "\n" + (await import("./groups/site.mjs")).siteMarkdown(groups.site);
writeFileSync(join(out, "latest.md"), md);
for (const [name, svg] of Object.entries(charts(result))) writeFileSync(join(out, name), svg);
if (!values.site && !only && out === DEFAULT_OUT) updateReadme(result);
log(`wrote ${out}/latest.json, latest.md and charts in ${Math.round(result.totalSeconds)} s`);
for (const gl of result.goals) log(`  ${gl.met ? "met   " : "MISSED"} ${gl.id}: ${gl.ratio === null ? "not measured" : gl.ratio.toFixed(2)} (target ${gl.direction === "max" ? "≥" : "≤"} ${gl.target})`);
/** Replaces the "Latest full run" section of benchmarks/README.md with this run's headline table. */
function updateReadme(res) {
  const file = fileURLToPath(new URL("./README.md", import.meta.url));
  const text = readFileSync(file, "utf8");
  const next = text.replace(/<!-- latest:start -->[\s\S]*<!-- latest:end -->/, `<!-- latest:start -->\n${headline(res)}\n<!-- latest:end -->`);
  if (next !== text) writeFileSync(file, next);
}
// Sandbox children and sockets may keep the loop alive; everything is written, so leave.
process.exit(Object.keys(errors).length ? 1 : 0);
