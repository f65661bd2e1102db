// Long fuzz run (SECURITY-TESTS G1): the properties of test/fuzz/props.mjs against the built compiler, for a
// bounded time (default 60 s, `--seconds N`), writing benchmarks/results/fuzz.json. Exit code 1 on a failure.
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSeeds, mutatedPage, expressionText, checkTemplate, checkWhole, checkExpression } from "../test/fuzz/props.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, def) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : def; };
const seconds = arg("--seconds", 60);
const seed = arg("--seed", Date.now() % 2 ** 31);

execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
const { parseTemplate } = await import("../build/compiler/template/parse.js");
const { parseExpression } = await import("../build/compiler/expr/parse.js");
const { compileExpression } = await import("../build/compiler/expr/codegen.js");
const { checkSource } = await import("../build/compiler/index.js");
const api = { parseTemplate, parseExpression, compileExpression, checkSource };

const seeds = loadSeeds(root);
const site = mkdtempSync(join(tmpdir(), "pagec-fuzz-"));
mkdirSync(join(site, "pages"));
writeFileSync(join(site, "site.json"), JSON.stringify({ id: "fuzz", typeCheck: "off" }));

// Time shares: the whole-file check is the slowest and the broadest.
const plan = [
  { name: "template-parser", share: 0.3, async: false, arb: mutatedPage(fc, seeds), check: (t) => checkTemplate(api, t, 1000) },
  { name: "whole-file-check", share: 0.5, async: true, arb: mutatedPage(fc, seeds), check: (t) => checkWhole(api, t, site, 3000) },
  { name: "expression-codegen", share: 0.2, async: false, arb: expressionText(fc), check: (t) => checkExpression(api, t) },
];
const results = [];
let failed = false;
for (const p of plan) {
  let runs = 0;
  let maxMs = 0;
  const body = (t) => {
    const t0 = performance.now();
    const done = (problem) => { runs++; maxMs = Math.max(maxMs, performance.now() - t0); if (problem) throw new Error(problem); };
    return p.async ? p.check(t).then(done) : done(p.check(t));
  };
  const prop = p.async ? fc.asyncProperty(p.arb, body) : fc.property(p.arb, body);
  const budget = Math.max(1000, Math.round(seconds * 1000 * p.share));
  const out = p.async
    ? await fc.check(prop, { numRuns: 1e9, seed, interruptAfterTimeLimit: budget, markInterruptAsFailure: false })
    : fc.check(prop, { numRuns: 1e9, seed, interruptAfterTimeLimit: budget, markInterruptAsFailure: false });
  const failure = out.failed ? { counterexample: JSON.stringify(out.counterexample?.[0])?.slice(0, 4000), error: String(out.errorInstance ?? out.error).slice(0, 2000) } : null;
  if (failure) failed = true;
  results.push({ property: p.name, seconds: budget / 1000, runs, maxMsPerInput: Math.round(maxMs), failure });
  console.log(`${p.name}: ${runs} inputs in ${budget / 1000} s, slowest ${maxMs.toFixed(0)} ms${failure ? `, FAILED: ${failure.error}` : ""}`);
}
rmSync(site, { recursive: true, force: true });
const report = { kind: "pagec-fuzz", date: new Date().toISOString(), node: process.version, seed, seconds, seeds: seeds.length, command: `node --no-node-snapshot scripts/fuzz.mjs --seconds ${seconds}`, results, ok: !failed };
mkdirSync(join(root, "benchmarks/results"), { recursive: true });
writeFileSync(join(root, "benchmarks/results/fuzz.json"), JSON.stringify(report, null, 2) + "\n");
process.exit(failed ? 1 : 0);
