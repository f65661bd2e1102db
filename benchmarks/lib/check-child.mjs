// Runs in a fresh Node process so "cold" really is cold: times the check of one page (first call, then warm
// calls with a one-line edit each time) three ways — analysis without type checking (a no-op checker), analysis
// with one TypeScript checker kept warm (as the language server and watch mode do), and the public checkSource.
// Usage: node check-child.mjs <siteDir> <pagePath> <warmSamples>   → prints one JSON line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const [siteDir, pagePath, samplesArg] = process.argv.slice(2);
const samples = Number(samplesArg) || 10;
const t0 = performance.now();
const index = await import(new URL("../../build/compiler/index.js", import.meta.url).href);
const tc = await import(new URL("../../build/compiler/analyze/typecheck/index.js", import.meta.url).href);
const importMs = performance.now() - t0;
const text = readFileSync(join(siteDir, pagePath), "utf8");
const edit = (i) => `${text}\n{{-- edit ${i} --}}\n`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const spread = (xs) => ((Math.max(...xs) - Math.min(...xs)) / median(xs)) * 100;
const time = async (fn) => { const a = performance.now(); await fn(); return performance.now() - a; };
const NO_TYPES = { check: () => [], sync() {}, scriptAt: () => null, service: null, lastChecked: 0 };
const check = (t, typeChecker) => index.analyzeSite(siteDir, { emit: false, overlays: { [pagePath]: t }, typeChecker }).diagnostics.filter((d) => d.file === pagePath);

async function series(run) {
  const cold = await time(() => run(text));
  for (let i = 0; i < Math.min(5, samples); i++) await run(edit(-1 - i)); // untimed: let the JIT settle
  const warm = [];
  for (let i = 0; i < samples; i++) warm.push(await time(() => run(edit(i))));
  return { cold, warm: median(warm), spread: spread(warm) };
}

const out = { importMs, page: pagePath, samples };
const plain = await series((t) => check(t, NO_TYPES));
Object.assign(out, { coldMs: plain.cold, warmMs: plain.warm, warmSpreadPct: plain.spread });
let checker = null;
const typed = await series((t) => { checker ??= tc.createTypeChecker(); return check(t, checker); });
Object.assign(out, { typedColdMs: typed.cold, typedWarmMs: typed.warm, typedWarmSpreadPct: typed.spread });
const pub = await series((t) => index.checkSource(t, { path: pagePath, siteDir }));
Object.assign(out, { checkSourceColdMs: pub.cold, checkSourceWarmMs: pub.warm });
process.stdout.write(JSON.stringify(out) + "\n");
