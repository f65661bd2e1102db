// Group 3 — HTTP: pagec's server against Fastify + @fastify/view (Eta, cached) and Fastify sending a constant,
// same page and bytes, autocannon on loopback with and without pipelining; rounds interleave the servers.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { writeFileSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { ROOT, renderFunctions } from "../lib/pagec.mjs";
import { writeWorkloadSite, landingData } from "../lib/workloads.mjs";
import { compareOutput } from "../lib/equality.mjs";
import { median, spreadPct } from "../lib/measure.mjs";

const require = createRequire(join(ROOT, "package.json"));
const CHILD = fileURLToPath(new URL("../lib/http-server-child.mjs", import.meta.url));
export const SERVERS = [["pagec", "pagec serve"], ["eta", "Fastify + @fastify/view (Eta)"], ["constant", "Fastify, constant bytes"]];

function startChild(kind, siteDir, expectedFile) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--no-node-snapshot", CHILD, kind, siteDir, expectedFile], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    const t = setTimeout(() => { p.kill(); reject(new Error(`${kind} server did not start: ${err.slice(0, 500)}`)); }, 30000);
    p.stdout.on("data", (c) => { out += c; const m = /READY (\S+)/.exec(out); if (m) { clearTimeout(t); resolve({ proc: p, url: m[1] }); } });
    p.stderr.on("data", (c) => { err += c; });
    p.on("exit", (code) => { clearTimeout(t); reject(new Error(`${kind} server exited (${code}): ${err.slice(0, 500)}`)); });
  });
}

function cannon(url, { duration, pipelining, connections }) {
  const autocannon = require("autocannon");
  return new Promise((resolve, reject) => {
    autocannon({ url, duration, pipelining, connections }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

export async function httpGroup(pagec, opts, log) {
  const siteDir = writeWorkloadSite();
  const data = landingData();
  writeFileSync(join(siteDir, "variables.json"), JSON.stringify(data));
  const expected = renderFunctions(pagec, siteDir).landing(data);
  const tmp = mkdtempSync(join(tmpdir(), "pagec-bench-expected-"));
  mkdirSync(tmp, { recursive: true });
  const expectedFile = join(tmp, "landing.html");
  writeFileSync(expectedFile, expected);
  const servers = [];
  try {
    for (const [kind, label] of SERVERS) {
      const s = await startChild(kind, siteDir, expectedFile);
      const res = await fetch(s.url);
      const body = await res.text();
      const eq = compareOutput(body, expected);
      servers.push({ kind, label, ...s, status: res.status, equality: eq.status, detail: eq.detail, runs: { 1: [], 10: [] } });
      log(`  http ${label}: ${s.url} → ${res.status}, output ${eq.status}`);
    }
    const duration = opts.quick ? 1 : 4;
    const rounds = opts.quick ? 1 : 2;
    for (const s of servers) await cannon(s.url, { duration: 1, pipelining: 1, connections: 50 }); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (const pipelining of [1, 10]) {
        for (let i = 0; i < servers.length; i++) {
          const s = servers[(i + round) % servers.length];
          const r = await cannon(s.url, { duration, pipelining, connections: 50 });
          s.runs[pipelining].push({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, timeouts: r.timeouts });
        }
      }
    }
  } finally {
    for (const s of servers) s.proc.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  }
  const summary = (runs) => ({ rps: median(runs.map((r) => r.rps)), rpsSpreadPct: spreadPct(runs.map((r) => r.rps)), p50Ms: median(runs.map((r) => r.p50)), p99Ms: median(runs.map((r) => r.p99)), errors: runs.reduce((a, r) => a + r.errors + r.timeouts, 0), rounds: runs.length });
  const rows = servers.map((s) => ({ kind: s.kind, name: s.label, equality: s.equality, detail: s.detail, noPipelining: summary(s.runs[1]), pipelining10: summary(s.runs[10]) }));
  const by = Object.fromEntries(rows.map((r) => [r.kind, r]));
  const ratio = (p) => (by.pagec && by.eta ? by.pagec[p].rps / by.eta[p].rps : null);
  return {
    page: "landing", bytes: Buffer.byteLength(expected), connections: 50, durationS: opts.quick ? 1 : 4, rows,
    vsFastifyEta: { noPipelining: ratio("noPipelining"), pipelining10: ratio("pipelining10") },
    vsConstant: by.pagec && by.constant ? by.pagec.noPipelining.rps / by.constant.noPipelining.rps : null,
  };
}
