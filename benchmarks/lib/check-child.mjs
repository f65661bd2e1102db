// Runs in a fresh Node process so "cold" really is cold: times checkSource on one page (first call, then
// warm calls with a one-line edit each time), and the same with the TypeScript type checker (PC3100).
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
const time = async (fn) => { const a = performance.now(); await fn(); return performance.now() - a; };

const out = { importMs, page: pagePath };
out.coldMs = await time(() => index.checkSource(text, { path: pagePath, siteDir }));
const warm = [];
for (let i = 0; i < samples; i++) warm.push(await time(() => index.checkSource(edit(i), { path: pagePath, siteDir })));
out.warmMs = median(warm);
out.warmSpreadPct = ((Math.max(...warm) - Math.min(...warm)) / out.warmMs) * 100;

// With type checking: the analysis plus one warm TypeScript LanguageService, as the language server keeps it.
const checkTyped = (checker, t) => {
  const a = index.analyzeSite(siteDir, { emit: false, overlays: { [pagePath]: t } });
  return [...a.diagnostics, ...checker.check(a)].filter((d) => d.file === pagePath);
};
let checker;
out.typedColdMs = await time(() => { checker = tc.createTypeChecker(); checkTyped(checker, text); });
const typed = [];
for (let i = 0; i < samples; i++) typed.push(await time(() => checkTyped(checker, edit(i))));
out.typedWarmMs = median(typed);
out.typedWarmSpreadPct = ((Math.max(...typed) - Math.min(...typed)) / out.typedWarmMs) * 100;
out.samples = samples;
process.stdout.write(JSON.stringify(out) + "\n");
