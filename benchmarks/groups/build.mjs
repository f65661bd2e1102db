// Group 4 — compile and check: pages per second building a generated site (with and without V8 code cache),
// and per-page check time cold/warm, with and without type checking (measured in a fresh process).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSite } from "../lib/site-gen.mjs";
import { median, spreadPct, timeMs } from "../lib/measure.mjs";
import { ROOT } from "../lib/pagec.mjs";

const CHILD = fileURLToPath(new URL("../lib/check-child.mjs", import.meta.url));

export async function buildGroup(pagec, opts, log) {
  const pages = opts.quick ? 100 : 1000;
  const samples = opts.quick ? 1 : 3;
  const dir = generateSite(pages);
  const builds = {};
  for (const [label, codeCache] of [["with code cache", true], ["without code cache", false]]) {
    const ms = [];
    let ok = true;
    await pagec.compileSite(dir, { write: false, codeCache }); // warm-up: JIT and file cache
    for (let i = 0; i < samples; i++) ms.push(await timeMs(async () => { ok = (await pagec.compileSite(dir, { write: false, codeCache })).ok && ok; }));
    builds[label] = { pages, ok, msMedian: median(ms), spreadPct: spreadPct(ms), pagesPerSec: (pages * 1000) / median(ms), samples: ms.length };
    log(`  build ${pages} pages ${label}: ${Math.round(median(ms))} ms`);
  }
  rmSync(dir, { recursive: true, force: true });

  const site = join(ROOT, "examples/weight-tracker");
  const page = "pages/weight/checkin.ef";
  const raw = execFileSync(process.execPath, ["--no-node-snapshot", CHILD, site, page, String(opts.quick ? 3 : 30)], { encoding: "utf8", timeout: 120000 });
  const check = JSON.parse(raw.trim().split("\n").pop());
  check.site = "examples/weight-tracker";
  log(`  check ${page}: cold ${check.coldMs.toFixed(1)} ms, warm ${check.warmMs.toFixed(1)} ms, typed warm ${check.typedWarmMs.toFixed(1)} ms`);
  return { builds, check };
}
