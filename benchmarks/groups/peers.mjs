// The peer engines of group 1, each given the same three templates (list, table, landing with a component)
// in its own syntax, compiled once up front. Filters call the same helper functions pagec's filters use,
// so the comparison measures the engines, not different filter implementations.
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "../lib/pagec.mjs";

const require = createRequire(join(ROOT, "package.json"));

/** Helpers for filters in peer templates: pagec's own filter functions (same cost, same output). */
export function helpers(lib) {
  const f = lib.filters;
  return {
    upper: (x) => f.upper(x), title: (x) => f.title(x), truncate: (x, n) => f.truncate(x, n),
    currency: (x, c) => f.currency(x, c), join: (x, s) => f.join(x, s), length: (x) => f.length(x),
  };
}

// A hand-written escaper for the template-literal limit: one scan for the first special character, early return.
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function esc(v) {
  const s = String(v);
  const m = /[&<>"']/.exec(s);
  if (m === null) return s;
  let out = s.slice(0, m.index), last = m.index;
  for (let i = m.index; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const r = c === 38 ? "&amp;" : c === 60 ? "&lt;" : c === 62 ? "&gt;" : c === 34 ? "&quot;" : c === 39 ? "&#39;" : null;
    if (r !== null) { out += s.slice(last, i) + r; last = i + 1; }
  }
  return out + s.slice(last);
}
void ESC;

/** Hand-written template literals: the physical limit (full five-character escaping, same helpers). */
export function literal(h) {
  const card = (f, featured) => `<div class="${featured ? "card card--featured" : "card"}">
<h3>${esc(h.title(f.title))}</h3>
<p>${esc(h.truncate(f.text, 60))}</p>
<p class="price">${esc(h.currency(f.price, "EUR"))}</p>
${f.stock > 0 ? `<p class="stock">In stock (${esc(f.stock)})</p>` : `<p class="stock sold-out">Sold out</p>`}
<p class="tags">${esc(h.join(f.tags, ", "))}</p>
</div>
`;
  return {
    list: (d) => { let o = "<ul>\n"; for (const item of d.items) o += `<li>${esc(item)}</li>\n`; return o + "</ul>\n"; },
    table: (d) => { let o = "<table>\n"; for (const r of d.rows) o += `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}</td></tr>\n`; return o + "</table>\n"; },
    landing: (d) => {
      let o = `<!DOCTYPE html>\n<html><head><title>${esc(d.title)}</title></head>\n<body>\n<nav>\n`;
      for (const l of d.nav) o += `<a href="${esc(l.href)}"${l.active ? ' class="active"' : ""}>${esc(h.upper(l.label))}</a>\n`;
      o += `</nav>\n<h1>${esc(d.headline)}</h1>\n<section class="features">\n`;
      for (let i = 0; i < d.features.length; i++) o += card(d.features[i], i === 0);
      o += "</section>\n";
      if (h.length(d.testimonials)) {
        o += '<ul class="quotes">\n';
        for (const t of d.testimonials) o += `<li>${esc(t.quote)} — ${esc(h.title(t.author))}</li>\n`;
        o += "</ul>\n";
      } else o += "<p>No testimonials yet.</p>\n";
      return o + `<footer>${esc(d.footer)}</footer>\n</body></html>\n`;
    },
  };
}
