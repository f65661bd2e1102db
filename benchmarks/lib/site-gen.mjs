// Generates a synthetic site of N pages for the build and check groups: a mix of static pages, pages with
// loops, filters and a component, and pages with a backend script (variables and a Schema validation).
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const CARD = `<article class="{{ featured ? 'card card--featured' : 'card' }}">
  <h2>{{ product.name | title }} <small>{{ product.sku | lower }}</small></h2>
  <p class="price">{{ product.price | currency:var.currency }}</p>
  <p>{{ product.blurb | default:'No description yet.' | truncatewords:8 }}</p>
  <p class="tags">{{ product.tags | unique | join:', ' | default:'untagged' }}</p>
</article>
`;

const VARIABLES = {
  brand_name: "Hilltop Gear", currency: "EUR",
  products: Array.from({ length: 20 }, (_, i) => ({ sku: `SKU-${i}`, name: `product number ${i}`, price: 10 + i * 2.5, stock: i % 4, tags: ["camping", i % 2 ? "light" : "shelter"], blurb: `A very good product <number ${i}> that you will like a lot.` })),
};

const staticPage = (i) => `<h1>{{ var.brand_name }} — page ${i}</h1>
<p>Welcome to page ${i}. {{ var.currency | lower }}</p>
<ul>
  <li><a href="/p${(i + 1) % 10}">next</a></li>
  <li>{{ request.path }}</li>
</ul>
`;

const loopPage = (i) => `@set(count = var.products | length)
<h1>{{ var.brand_name | upper }} · {{ count }} products (page ${i})</h1>
@foreach((p, n) in var.products)
@if(p.stock gt 0)
@component("product-card", { product: p, featured: n == 0 })
@endif
@endforeach
<footer>All prices in {{ var.currency }}.</footer>
`;

const scriptPage = (i) => `<script scope="backend">
  const schema = Schema.object({ name: Schema.string().min(1).max(40), qty: Schema.number().min(0) });
  const result = schema.validate({ name: "item ${i}", qty: ${i % 7} });
  setVariable('ok', result.valid);
  setVariable('title', 'Page ${i}');
  setVariable('n', ${i});
</script>
<h1>{{ var.title }}</h1>
@if(var.ok)
<p>valid {{ var.n | number_format }}</p>
@else
<p>invalid</p>
@endif
`;

/** Writes a site of `pages` pages (one third of each kind) and returns its directory. */
export function generateSite(pages, dir = mkdtempSync(join(tmpdir(), `pagec-site-${pages}-`))) {
  mkdirSync(join(dir, "pages"), { recursive: true });
  mkdirSync(join(dir, "components"), { recursive: true });
  writeFileSync(join(dir, "variables.json"), JSON.stringify(VARIABLES, null, 2));
  writeFileSync(join(dir, "components", "product-card.ef"), CARD);
  for (let i = 0; i < pages; i++) {
    const kind = i % 3;
    const text = kind === 0 ? staticPage(i) : kind === 1 ? loopPage(i) : scriptPage(i);
    writeFileSync(join(dir, "pages", `p${i}.ef`), text);
  }
  return dir;
}
