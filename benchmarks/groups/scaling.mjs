// Group 6 — scaling curves: render time against page size (1 KB … 1 MB, the table page with more rows) and
// build time against site size (10 … 5,000 generated pages).
import { rmSync } from "node:fs";
import { compare, timeMs } from "../lib/measure.mjs";
import { renderFunctions } from "../lib/pagec.mjs";
import { writeWorkloadSite, tableRows } from "../lib/workloads.mjs";
import { generateSite } from "../lib/site-gen.mjs";
import { helpers, literal } from "./peers.mjs";

const ROW_BYTES = 97; // one <tr> of the table workload

export async function scalingGroup(pagec, opts, log) {
  const fns = renderFunctions(pagec, writeWorkloadSite());
  const lit = literal(helpers(pagec.lib));
  const sizes = [1, 10, 100, 1000].map((kb) => kb * 1000);
  const render = [];
  for (const bytes of sizes) {
    const data = { rows: tableRows(Math.max(1, Math.round(bytes / ROW_BYTES))) };
    const out = fns.table(data);
    const [p, l] = await compare([
      { name: "pagec", fn: () => fns.table(data) },
      { name: "template literal", fn: () => lit.table(data) },
    ], { ...opts.sampling, samples: Math.max(3, opts.sampling.samples - 2) });
    render.push({ targetBytes: bytes, outputBytes: Buffer.byteLength(out), rows: data.rows.length, pagecUs: p.nsPerOp / 1000, literalUs: l.nsPerOp / 1000, pagecSpreadPct: p.spreadPct, pagecMBps: Buffer.byteLength(out) / (p.nsPerOp / 1000) });
    log(`  render ${bytes} B: pagec ${(p.nsPerOp / 1000).toFixed(1)} µs, literal ${(l.nsPerOp / 1000).toFixed(1)} µs`);
  }
  const siteSizes = opts.quick ? [10, 50] : [10, 100, 1000, 5000];
  const build = [];
  for (const pages of siteSizes) {
    const dir = generateSite(pages);
    let ok = true;
    const ms = await timeMs(async () => { ok = (await pagec.compileSite(dir, { write: false })).ok; });
    build.push({ pages, ms, ok, msPerPage: ms / pages });
    log(`  build ${pages} pages: ${Math.round(ms)} ms`);
    rmSync(dir, { recursive: true, force: true });
  }
  return { render, build };
}
