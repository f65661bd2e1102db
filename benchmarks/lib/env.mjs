// Records the machine and software a run measured: CPU, cores, memory, Node/V8, and the installed versions
// of pagec and every benchmark peer (read from package-lock.json, i.e. what was actually installed).
import os from "node:os";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const PEERS = ["tempura", "dot", "pug", "handlebars", "eta", "liquidjs", "edge.js", "@fastify/view", "fastify", "autocannon", "isolated-vm", "esbuild"];

export function environment(root) {
  let lock = {};
  try { lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")); } catch { /* no lock: versions stay unknown */ }
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const versions = {};
  for (const name of PEERS) versions[name] = lock.packages?.[`node_modules/${name}`]?.version ?? null;
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    pagec: pkg.version,
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown",
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    execArgv: process.execArgv,
    // Other work on the machine skews every figure; a load average near or above the core count means "noisy".
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    versions,
  };
}
