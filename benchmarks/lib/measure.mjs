// Interleaved sampling: every contender runs one batch per round, in a rotating order, so drift (thermal,
// GC, a noisy neighbour) hits all of them alike; ratios are taken per round, then the median is reported.
import { performance } from "node:perf_hooks";

let sink = 0; // defeats dead-code elimination of results; read once at the end by `consume()`
export function consume() { return sink; }

function touch(v) { sink = (sink + (typeof v === "string" ? v.length : 1)) | 0; }

async function runBatch(c, n) {
  const t0 = performance.now();
  if (c.async) for (let i = 0; i < n; i++) touch(await c.fn());
  else for (let i = 0; i < n; i++) touch(c.fn());
  return ((performance.now() - t0) * 1e6) / n; // ns per op
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Relative spread of samples: (max - min) / median, as a percentage. */
export function spreadPct(xs) {
  if (xs.length < 2) return 0;
  return ((Math.max(...xs) - Math.min(...xs)) / median(xs)) * 100;
}

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/**
 * contenders: [{ name, fn, async? }]. Warm-up runs each for warmupMs (also calibrates the batch size so a batch
 * lasts about batchMs). Returns per-contender { name, nsPerOp, spreadPct, opsPerSec, samples, batch }.
 */
export async function compare(contenders, { samples = 7, batchMs = 40, warmupMs = 150 } = {}) {
  const batch = new Map();
  for (const c of contenders) {
    let n = 1, spent = 0, ops = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < warmupMs) {
      const ns = await runBatch(c, n);
      spent += ns * n; ops += n;
      if (ns * n < 5e6) n *= 2;
    }
    const perOp = spent / Math.max(1, ops);
    batch.set(c.name, Math.max(1, Math.round((batchMs * 1e6) / Math.max(perOp, 1))));
  }
  const raw = new Map(contenders.map((c) => [c.name, []]));
  for (let s = 0; s < samples; s++) {
    const order = contenders.map((_, i) => contenders[(i + s) % contenders.length]);
    for (const c of order) raw.get(c.name).push(await runBatch(c, batch.get(c.name)));
  }
  return contenders.map((c) => {
    const xs = raw.get(c.name);
    const ns = median(xs);
    return { name: c.name, nsPerOp: ns, minNsPerOp: Math.min(...xs), opsPerSec: 1e9 / ns, spreadPct: spreadPct(xs), samples: xs, batch: batch.get(c.name) };
  });
}

/** Median of per-round ratios a/b (paired samples from the same round). */
export function pairedRatio(a, b) {
  const n = Math.min(a.samples.length, b.samples.length);
  const rs = [];
  for (let i = 0; i < n; i++) rs.push(a.samples[i] / b.samples[i]);
  return { ratio: median(rs), spreadPct: spreadPct(rs) };
}

/** Times one call of an async or sync function in ms. */
export async function timeMs(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
