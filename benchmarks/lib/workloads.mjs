// The render workloads of group 1 (and the page-size curve of group 6): pagec page sources plus the data
// they render. Data is deterministic so every run and every contender sees the same bytes.
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango".split(" ");
const word = (i) => WORDS[i % WORDS.length];

export const listRaw = () => ({ items: Array.from({ length: 1000 }, (_, i) => `item ${i} ${word(i)} ${word(i * 7)}`) });
export const listEscaped = () => ({ items: Array.from({ length: 1000 }, (_, i) => `<b>${word(i)}</b> & "${word(i * 3)}" 'x${i}'`) });

/** 1,000 rows × 2 columns, about 97 KB of HTML once wrapped in <tr><td>…</td><td>…</td></tr>. */
export function tableRows(n = 1000) {
  return Array.from({ length: n }, (_, i) => ({
    name: `row ${String(i).padStart(5, "0")} ${word(i)} ${word(i + 3)} ${word(i + 5)} ${word(i + 11)}`.padEnd(41, "."),
    value: `${word(i * 13)} value ${i * 7919 % 100000}`.padEnd(28, "."),
  }));
}

export function landingData() {
  return {
    title: "Hilltop Gear — outdoor equipment",
    headline: "Gear for the long way round",
    nav: ["Home", "Tents", "Lights", "Kitchen", "Packs", "Sale", "About", "Contact"].map((label, i) => ({ label, href: `/${label.toLowerCase()}`, active: i === 1 })),
    features: Array.from({ length: 12 }, (_, i) => ({
      title: `${word(i)} ${word(i + 4)} tent ${i}`,
      text: `A light ${word(i)} shelter that packs down to the size of a water bottle & pitches in ${i + 2} minutes <fast>.`,
      price: 19.5 + i * 10.25,
      stock: i % 3,
      tags: [word(i), word(i + 1), "camping"],
    })),
    testimonials: Array.from({ length: 6 }, (_, i) => ({ quote: `Best ${word(i)} I've owned — "really"`, author: `${word(i + 2)} ${word(i + 9)}` })),
    footer: "All prices in EUR · © Hilltop Gear",
  };
}

export const PAGES = {
  "list": `<ul>\n@foreach(item in var.items)\n<li>{{ item }}</li>\n@endforeach\n</ul>\n`,
  "table": `<table>\n@foreach(row in var.rows)\n<tr><td>{{ row.name }}</td><td>{{ row.value }}</td></tr>\n@endforeach\n</table>\n`,
  "landing": `<!DOCTYPE html>
<html><head><title>{{ var.title }}</title></head>
<body>
<nav>
@foreach(link in var.nav)
<a href="{{ link.href }}"@if(link.active) class="active"@endif>{{ link.label | upper }}</a>
@endforeach
</nav>
<h1>{{ var.headline }}</h1>
<section class="features">
@foreach((f, i) in var.features)
@component("feature-card", { feature: f, featured: i == 0 })
@endforeach
</section>
@if(var.testimonials | length)
<ul class="quotes">
@foreach(t in var.testimonials)
<li>{{ t.quote }} — {{ t.author | title }}</li>
@endforeach
</ul>
@else
<p>No testimonials yet.</p>
@endif
<footer>{{ var.footer }}</footer>
</body></html>
`,
};

export const COMPONENTS = {
  "feature-card": `<div class="{{ featured ? 'card card--featured' : 'card' }}">
<h3>{{ feature.title | title }}</h3>
<p>{{ feature.text | truncate:60 }}</p>
<p class="price">{{ feature.price | currency:'EUR' }}</p>
@if(feature.stock gt 0)
<p class="stock">In stock ({{ feature.stock }})</p>
@else
<p class="stock sold-out">Sold out</p>
@endif
<p class="tags">{{ feature.tags | join:', ' }}</p>
</div>
`,
};

/** Writes a site with the workload pages into a fresh temp dir and returns its path. */
export function writeWorkloadSite(dir = mkdtempSync(join(tmpdir(), "pagec-bench-"))) {
  mkdirSync(join(dir, "pages"), { recursive: true });
  mkdirSync(join(dir, "components"), { recursive: true });
  for (const [slug, text] of Object.entries(PAGES)) writeFileSync(join(dir, "pages", `${slug}.ef`), text);
  for (const [code, text] of Object.entries(COMPONENTS)) writeFileSync(join(dir, "components", `${code}.ef`), text);
  return dir;
}
