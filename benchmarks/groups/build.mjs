// Group 4 — compile and check: pages per second building a generated site (with and without V8 code cache),
// and per-page check time cold/warm, with and without type checking (measured in a fresh process).
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

  // Issue 3 asks for the check time of a 50 KB page: the example site plus one generated page of that size.
  const site = mkdtempSync(join(tmpdir(), "pagec-check-"));
  cpSync(join(ROOT, "examples/weight-tracker"), site, { recursive: true });
  const page = "pages/big.ef";
  const text = fiftyKbPage();
  writeFileSync(join(site, page), text);
  const raw = execFileSync(process.execPath, ["--no-node-snapshot", CHILD, site, page, String(opts.quick ? 3 : 30)], { encoding: "utf8", timeout: 120000 });
  const check = JSON.parse(raw.trim().split("\n").pop());
  check.site = "examples/weight-tracker + a generated page";
  check.pageBytes = Buffer.byteLength(text);
  rmSync(site, { recursive: true, force: true });
  log(`  check ${page} (${Math.round(check.pageBytes / 1024)} KB): cold ${check.coldMs.toFixed(1)} ms, warm ${check.warmMs.toFixed(1)} ms, typed warm ${check.typedWarmMs.toFixed(1)} ms`);
  return { builds, check };
}

/** A realistic ~50 KB page: a backend script (module import, Schema, CRM read, variables) and long markup. */
function fiftyKbPage() {
  const script = `<script scope="backend">
  import { WeightCheckinSchema, requireCustomer } from "validators";
  const Goal = Schema.object({ goal: Schema.number().required().min(50).max(500), note: Schema.string().max(200).default('') });
  if (request.method === 'POST') {
    requireCustomer();
    const r = Goal.validate(request.body);
    if (!r.valid) { response.status(400); response.json({ ok: false, errors: r.errors }); }
    setCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight', value: r.value.goal });
    response.json({ ok: true });
  }
  const weight = getCrmField({ slug: 'pattern-tracker', fieldKey: 'current_weight' });
  setVariable('weight', weight);
  setVariable('items', Array.from({ length: 20 }, (_, i) => ({ id: i, name: 'Item ' + i, price: i * 3.5, tags: ['a', 'b'] })));
  setVariable('title', 'Progress');
</script>\n`;
  let body = "<h1>{{ var.title | upper }}</h1>\n";
  for (let i = 0; body.length < 48 * 1024; i++) {
    body += `<section id="s${i}">
  <h2>{{ var.title }} · part ${i}</h2>
  @if(var.weight gt ${100 + i})
  <p class="ok">{{ var.weight | number_format:1 }} lbs, above ${100 + i}</p>
  @else
  <p>Below ${100 + i}: {{ var.weight | default:'not logged' }}</p>
  @endif
  <ul>
  @foreach((item, k) in var.items)
    <li data-k="{{ k }}">{{ item.name | title }} — {{ item.price | currency }}@if(loop.last) (last)@endif</li>
  @endforeach
  </ul>
  @component("nav")
</section>\n`;
  }
  return script + body;
}
