// Group 1 — template render, in-process: pagec's compiled render function against the peer engines and a
// hand-written template literal, on four workloads. Outputs are checked for equality before any timing.
import { compare, pairedRatio } from "../lib/measure.mjs";
import { renderFunctions } from "../lib/pagec.mjs";
import * as W from "../lib/workloads.mjs";
import { helpers, literal } from "./peers.mjs";
import { loadEngines } from "./engines.mjs";
import { compareOutput } from "../lib/equality.mjs";

export const WORKLOADS = [
  { id: "list-raw", title: "1,000-item list, values need no escaping", page: "list", data: () => W.listRaw() },
  { id: "list-escaped", title: "1,000-item list, every value needs escaping", page: "list", data: () => W.listEscaped() },
  { id: "table-97kb", title: "97 KB table, 1,000 rows × 2 columns", page: "table", data: () => ({ rows: W.tableRows(1000) }) },
  { id: "landing", title: "landing page: loops, conditionals, filters, a component", page: "landing", data: () => W.landingData() },
];

export async function renderGroup(pagec, opts, log) {
  const site = W.writeWorkloadSite();
  const pagecFns = renderFunctions(pagec, site);
  const h = helpers(pagec.lib);
  const { ok: engines, failed } = await loadEngines(h);
  const lit = literal(h);
  const workloads = [];
  for (const w of WORKLOADS) {
    const data = { ...w.data(), h };
    const want = pagecFns[w.page](data);
    const contenders = [{ name: "pagec", kind: "pagec", fn: () => pagecFns[w.page](data), equality: "reference" }];
    const litCheck = compareOutput(lit[w.page](data), want);
    contenders.push({ name: "template literal", kind: "limit", fn: () => lit[w.page](data), equality: litCheck.status, detail: litCheck.detail });
    const skipped = [];
    for (const e of engines) {
      const d = e.fns.wrap ? e.fns.wrap(data) : data;
      const fn = () => e.fns[w.page](d);
      try {
        const got = await fn();
        const c = compareOutput(got, want);
        contenders.push({ name: e.name, kind: "peer", fn, async: !!e.fns.async, equality: c.status, detail: c.detail });
      } catch (err) { skipped.push({ name: e.name, error: String(err?.message ?? err).split("\n")[0] }); }
    }
    log(`  render ${w.id}: ${contenders.length} contenders (${Buffer.byteLength(want)} bytes of output)`);
    const results = await compare(contenders, opts.sampling);
    const pagecR = results[0];
    const rows = results.map((r, i) => ({
      name: r.name, kind: contenders[i].kind, equality: contenders[i].equality, detail: contenders[i].detail,
      usPerRender: r.nsPerOp / 1000, bestUsPerRender: r.minNsPerOp / 1000, rendersPerSec: r.opsPerSec, spreadPct: r.spreadPct, samples: r.samples.length,
      // cost relative to pagec, median of per-round ratios: > 1 means slower than pagec
      costVsPagec: i === 0 ? 1 : pairedRatio(r, pagecR).ratio,
    }));
    const eligible = rows.filter((r) => r.kind === "peer" && r.equality === "equal");
    // "Fastest" by the paired per-round ratio, the figure the goal uses (steadier under load than raw medians).
    const fastestPeer = eligible.sort((a, b) => a.costVsPagec - b.costVsPagec)[0] ?? null;
    const fastestAny = rows.filter((r) => r.kind === "peer").sort((a, b) => a.costVsPagec - b.costVsPagec)[0] ?? null;
    const literalRow = rows.find((r) => r.kind === "limit");
    workloads.push({
      id: w.id, title: w.title, outputBytes: Buffer.byteLength(want), rows, skipped,
      fastestPeer: fastestPeer?.name ?? null,
      // throughput ratio pagec / fastest equal-output peer (≥ 1 means pagec is faster)
      vsFastestPeer: fastestPeer ? fastestPeer.costVsPagec : null,
      fastestPeerAnyOutput: fastestAny && fastestAny !== fastestPeer ? { name: fastestAny.name, equality: fastestAny.equality, vsPagec: fastestAny.costVsPagec } : null,
      // cost ratio pagec / literal (≤ 1.1 is the goal)
      vsLiteral: literalRow ? 1 / literalRow.costVsPagec : null,
    });
  }
  return { workloads, enginesFailed: failed };
}
