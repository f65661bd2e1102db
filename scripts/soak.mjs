// Soak (SECURITY-TESTS "host alive", SPEC §6.10): serves a site on loopback where 10% of requests hit hostile
// pages (loops, memory bombs, throws, huge outputs) and 90% healthy pages, after a baseline run without hostile
// pages. Reports healthy errors, p99 latency vs baseline, RSS over time, isolates recycled; writes
// benchmarks/results/soak.json. Usage: node --no-node-snapshot scripts/soak.mjs [--seconds 60] [--concurrency 8]
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, def) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : def; };
const seconds = arg("--seconds", 60);
const concurrency = arg("--concurrency", 8);
const isolates = arg("--isolates", Math.min(availableParallelism(), 4));

const HEALTHY = {
  "index.ef": `<!DOCTYPE html><html><body><h1>{{ var.brand }}</h1><p>{{ request.query.n }}</p></body></html>\n`,
  "script.ef": `<script scope="backend">
const n = Number(request.query.n ?? 0);
setVariable('items', Array.from({ length: 20 }, (_, i) => ({ i, label: 'item ' + (i + n) })));
setCrmField({ slug: 'soak', referenceId: 'r' + (n % 50), fieldKey: 'count', value: n });
setVariable('last', getCrmField({ slug: 'soak', referenceId: 'r' + (n % 50), fieldKey: 'count' }));
</script>
<ul>@foreach(it in var.items)<li>{{ it.label }}</li>@endforeach</ul><p>{{ var.last }}</p>
`,
};
const HOSTILE = {
  "loop.ef": `<script scope="backend">\nsetVariable('x', 1);\nwhile (true) {}\n</script>\n<p>{{ var.x }}</p>\n`,
  "bomb.ef": `<script scope="backend">\nconst m = new Map(); for (let i = 0; ; i++) m.set(i, { i, s: 'x' + i });\n</script>\n<p>bomb</p>\n`,
  "strbomb.ef": `<script scope="backend">\nconst a = []; for (;;) a.push('x'.repeat(1e6) + a.length);\n</script>\n<p>strbomb</p>\n`,
  "throws.ef": `<script scope="backend">\nsetVariable('x', 1);\nthrow new Error('boom');\n</script>\n<p>{{ var.x }}</p>\n`,
  "hang.ef": `<script scope="backend">\nawait new Promise(() => {});\n</script>\n<p>hang</p>\n`,
  "huge.ef": `<script scope="backend">\nsetVariable('big', 'y'.repeat(900000));\n</script>\n@foreach(i in [1,2,3,4,5,6,7,8,9,10,11,12])<p>{{ var.big }}</p>@endforeach\n`,
};

function writeSite() {
  const dir = mkdtempSync(join(tmpdir(), "pagec-soak-"));
  mkdirSync(join(dir, "pages"));
  writeFileSync(join(dir, "site.json"), JSON.stringify({ id: "soak", crm: { entities: [{ slug: "soak", fields: ["count"] }] }, limits: { scriptCpuMs: 300, scriptWallMs: 1000, isolateMemoryMb: 64 } }));
  writeFileSync(join(dir, "variables.json"), JSON.stringify({ brand: "Soak" }));
  for (const [k, v] of Object.entries({ ...HEALTHY, ...HOSTILE })) writeFileSync(join(dir, "pages", k), v);
  return dir;
}

/** RSS of this process plus its direct children (the sandbox processes), in MB. */
function rssMb() {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      if (Number(pid) === process.pid || ppid === process.pid) kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch { /* process ended */ }
  }
  return Math.round(kb / 1024);
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0);

async function run(label, hostileShare, createServer, site) {
  const dbDir = mkdtempSync(join(tmpdir(), "pagec-soak-db-"));
  const server = await createServer({ site, db: join(dbDir, "soak.sqlite"), port: 0, host: "127.0.0.1", isolates, logger: false });
  const address = await server.listen();
  const healthyPaths = ["/", "/script"];
  const hostilePaths = Object.keys(HOSTILE).map((k) => "/" + k.replace(/\.ef$/, ""));
  const lat = [];
  const latByPage = { "/": [], "/script": [] };
  const hostileStatus = {};
  let healthyErrors = 0, healthyCount = 0, hostileCount = 0, n = 0;
  const errorsSample = [];
  const rss = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const sampler = setInterval(() => rss.push({ s: Math.round((performance.now() - t0) / 1000), mb: rssMb() }), 1000);
  const worker = async () => {
    while (performance.now() < end) {
      const i = n++;
      const hostile = Math.random() < hostileShare;
      const path = hostile ? hostilePaths[i % hostilePaths.length] : `${healthyPaths[i % 2]}?n=${i}`;
      const s = performance.now();
      try {
        const res = await fetch(address + path);
        const body = await res.text();
        const ms = performance.now() - s;
        if (hostile) { hostileCount++; hostileStatus[res.status] = (hostileStatus[res.status] ?? 0) + 1; continue; }
        healthyCount++;
        lat.push(ms);
        latByPage[healthyPaths[i % 2]].push(ms);
        const ok = res.status === 200 && (path.startsWith("/script") ? body.includes(`item ${i}<`) : body.includes("<h1>Soak</h1>"));
        if (!ok) { healthyErrors++; if (errorsSample.length < 5) errorsSample.push({ path, status: res.status, body: body.slice(0, 200) }); }
      } catch (e) {
        if (!hostile) { healthyErrors++; healthyCount++; if (errorsSample.length < 5) errorsSample.push({ path, error: String(e) }); }
        else hostileStatus.error = (hostileStatus.error ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  const stats = server.runtime().pool?.stats() ?? null;
  await server.close();
  rmSync(dbDir, { recursive: true, force: true });
  lat.sort((a, b) => a - b);
  for (const a of Object.values(latByPage)) a.sort((x, y) => x - y);
  const r = {
    label, seconds, hostileShare, requests: n, healthy: healthyCount, hostile: hostileCount, hostileStatus, healthyErrors, errorsSample,
    healthyLatencyMs: { p50: +pct(lat, 50).toFixed(1), p90: +pct(lat, 90).toFixed(1), p99: +pct(lat, 99).toFixed(1), max: +(lat.at(-1) ?? 0).toFixed(1) },
    healthyP99ByPageMs: { templateOnly: +pct(latByPage["/"], 99).toFixed(1), withScript: +pct(latByPage["/script"], 99).toFixed(1) },
    healthyPerSecond: Math.round(healthyCount / seconds), rssMb: rss, sandbox: stats,
  };
  console.log(`${label}: ${n} requests, healthy ${healthyCount} (errors ${healthyErrors}), p99 ${r.healthyLatencyMs.p99} ms, hostile ${JSON.stringify(hostileStatus)}, RSS ${rss[0]?.mb}→${rss.at(-1)?.mb} MB, sandbox ${JSON.stringify(stats)}`);
  return r;
}

execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
const { createServer } = await import("../build/runtime/index.js");
const site = writeSite();
const baseline = await run("baseline", 0, createServer, site);
const soak = await run("soak", 0.1, createServer, site);
rmSync(site, { recursive: true, force: true });
const third = Math.max(1, Math.floor(soak.rssMb.length / 3));
const avg = (a) => Math.round(a.reduce((s, x) => s + x.mb, 0) / Math.max(1, a.length));
const rssFirstThird = avg(soak.rssMb.slice(0, third)), rssLastThird = avg(soak.rssMb.slice(-third));
const summary = {
  healthyErrors: soak.healthyErrors, goalHealthyErrors: 0,
  p99RatioVsBaseline: +(soak.healthyLatencyMs.p99 / Math.max(0.1, baseline.healthyLatencyMs.p99)).toFixed(2), goalP99Ratio: 2,
  rssFirstThirdMb: rssFirstThird, rssLastThirdMb: rssLastThird, rssGrowthPct: +(((rssLastThird - rssFirstThird) / Math.max(1, rssFirstThird)) * 100).toFixed(1),
  p99TemplateOnlyRatio: +(soak.healthyP99ByPageMs.templateOnly / Math.max(0.1, baseline.healthyP99ByPageMs.templateOnly)).toFixed(2),
  p99WithScriptRatio: +(soak.healthyP99ByPageMs.withScript / Math.max(0.1, baseline.healthyP99ByPageMs.withScript)).toFixed(2),
  isolatesRecycled: soak.sandbox?.recycled ?? null, childCrashes: soak.sandbox?.crashes ?? null,
};
const report = { kind: "pagec-soak", date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), isolates, concurrency, command: `node --no-node-snapshot scripts/soak.mjs --seconds ${seconds}`, summary, baseline, soak };
mkdirSync(join(root, "benchmarks/results"), { recursive: true });
writeFileSync(join(root, "benchmarks/results/soak.json"), JSON.stringify(report, null, 2) + "\n");
console.log(JSON.stringify(summary));
