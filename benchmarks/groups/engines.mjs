// One adapter per peer engine: the three workload templates in that engine's syntax, compiled once, with
// escaping on (each engine's default HTML escaping). Data for `landing` carries the helpers as `h`.
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT } from "../lib/pagec.mjs";

const require = createRequire(join(ROOT, "package.json"));

const tempura = async () => {
  const { compile } = await import(require.resolve("tempura").replace(/index\.js$/, "index.mjs"));
  const card = compile(`{{#expect f, featured, h}}<div class="{{ featured ? 'card card--featured' : 'card' }}">
<h3>{{ h.title(f.title) }}</h3>
<p>{{ h.truncate(f.text, 60) }}</p>
<p class="price">{{ h.currency(f.price, 'EUR') }}</p>
{{#if f.stock > 0}}<p class="stock">In stock ({{ f.stock }})</p>{{#else}}<p class="stock sold-out">Sold out</p>{{/if}}
<p class="tags">{{ h.join(f.tags, ', ') }}</p>
</div>
`);
  return {
    list: compile(`{{#expect items}}<ul>\n{{#each items as item}}<li>{{ item }}</li>\n{{/each}}</ul>\n`),
    table: compile(`{{#expect rows}}<table>\n{{#each rows as r}}<tr><td>{{ r.name }}</td><td>{{ r.value }}</td></tr>\n{{/each}}</table>\n`),
    landing: compile(`{{#expect title, nav, headline, features, testimonials, footer, h}}<!DOCTYPE html>
<html><head><title>{{ title }}</title></head>
<body>
<nav>
{{#each nav as l}}<a href="{{ l.href }}"{{#if l.active}} class="active"{{/if}}>{{ h.upper(l.label) }}</a>
{{/each}}</nav>
<h1>{{ headline }}</h1>
<section class="features">
{{#each features as f, i}}{{#card f=f featured=i===0 h=h /}}{{/each}}</section>
{{#if h.length(testimonials)}}<ul class="quotes">
{{#each testimonials as t}}<li>{{ t.quote }} — {{ h.title(t.author) }}</li>
{{/each}}</ul>
{{#else}}<p>No testimonials yet.</p>
{{/if}}<footer>{{ footer }}</footer>
</body></html>
`, { blocks: { card } }),
  };
};

const dot = async () => {
  const doT = require("dot");
  const s = { ...doT.templateSettings, strip: false };
  const card = `<div class="{{= it.featured ? 'card card--featured' : 'card' }}">
<h3>{{! it.h.title(it.f.title) }}</h3>
<p>{{! it.h.truncate(it.f.text, 60) }}</p>
<p class="price">{{! it.h.currency(it.f.price, 'EUR') }}</p>
{{? it.f.stock > 0 }}<p class="stock">In stock ({{! it.f.stock }})</p>{{??}}<p class="stock sold-out">Sold out</p>{{?}}
<p class="tags">{{! it.h.join(it.f.tags, ', ') }}</p>
</div>
`;
  const cardFn = doT.template(card, s);
  return {
    list: doT.template(`<ul>\n{{~it.items :item}}<li>{{!item}}</li>\n{{~}}</ul>\n`, s),
    table: doT.template(`<table>\n{{~it.rows :r}}<tr><td>{{!r.name}}</td><td>{{!r.value}}</td></tr>\n{{~}}</table>\n`, s),
    landing: doT.template(`<!DOCTYPE html>
<html><head><title>{{!it.title}}</title></head>
<body>
<nav>
{{~it.nav :l}}<a href="{{!l.href}}"{{? l.active }} class="active"{{?}}>{{! it.h.upper(l.label) }}</a>
{{~}}</nav>
<h1>{{!it.headline}}</h1>
<section class="features">
{{~it.features :f:i}}{{= it.card({ f: f, featured: i === 0, h: it.h }) }}{{~}}</section>
{{? it.h.length(it.testimonials) }}<ul class="quotes">
{{~it.testimonials :t}}<li>{{!t.quote}} — {{! it.h.title(t.author) }}</li>
{{~}}</ul>
{{??}}<p>No testimonials yet.</p>
{{?}}<footer>{{!it.footer}}</footer>
</body></html>
`, s),
    wrap: (d) => ({ ...d, card: cardFn }),
  };
};

const pug = async () => {
  const p = require("pug");
  const c = (src) => p.compile(src, { doctype: "html" });
  return {
    list: c(`| <ul>\n|\neach item in items\n  | <li>#{item}</li>\n  |\n| </ul>\n|\n`),
    table: c(`| <table>\n|\neach r in rows\n  | <tr><td>#{r.name}</td><td>#{r.value}</td></tr>\n  |\n| </table>\n|\n`),
    landing: c(`mixin card(f, featured)
  | <div class="#{featured ? 'card card--featured' : 'card'}">
  |
  | <h3>#{h.title(f.title)}</h3>
  |
  | <p>#{h.truncate(f.text, 60)}</p>
  |
  | <p class="price">#{h.currency(f.price, 'EUR')}</p>
  |
  if f.stock > 0
    | <p class="stock">In stock (#{f.stock})</p>
  else
    | <p class="stock sold-out">Sold out</p>
  |
  | <p class="tags">#{h.join(f.tags, ', ')}</p>
  |
  | </div>
| <!DOCTYPE html>
| <html><head><title>#{title}</title></head><body><nav>
each l in nav
  | <a href="#{l.href}"
  if l.active
    |  class="active"
  | >#{h.upper(l.label)}</a>
| </nav><h1>#{headline}</h1><section class="features">
each f, i in features
  +card(f, i === 0)
| </section>
if h.length(testimonials)
  | <ul class="quotes">
  each t in testimonials
    | <li>#{t.quote} — #{h.title(t.author)}</li>
  | </ul>
else
  | <p>No testimonials yet.</p>
| <footer>#{footer}</footer></body></html>
`),
  };
};

const handlebars = async () => {
  const Handlebars = require("handlebars").create();
  const pre = (src) => Handlebars.template(new Function(`return ${Handlebars.precompile(src)}`)());
  Handlebars.registerHelper({
    p_upper: (x) => hbH.upper(x), p_title: (x) => hbH.title(x), p_truncate: (x, n) => hbH.truncate(x, n),
    p_currency: (x, c) => hbH.currency(x, c), p_join: (x, s) => hbH.join(x, s), eq0: (i) => i === 0, gt0: (x) => x > 0, len: (x) => hbH.length(x),
  });
  Handlebars.registerPartial("card", pre(`<div class="{{#if featured}}card card--featured{{else}}card{{/if}}">
<h3>{{p_title f.title}}</h3>
<p>{{p_truncate f.text 60}}</p>
<p class="price">{{p_currency f.price "EUR"}}</p>
{{#if (gt0 f.stock)}}<p class="stock">In stock ({{f.stock}})</p>{{else}}<p class="stock sold-out">Sold out</p>{{/if}}
<p class="tags">{{p_join f.tags ", "}}</p>
</div>
`));
  return {
    list: pre(`<ul>\n{{#each items}}<li>{{this}}</li>\n{{/each}}</ul>\n`),
    table: pre(`<table>\n{{#each rows}}<tr><td>{{name}}</td><td>{{value}}</td></tr>\n{{/each}}</table>\n`),
    landing: pre(`<!DOCTYPE html>
<html><head><title>{{title}}</title></head>
<body>
<nav>
{{#each nav}}<a href="{{href}}"{{#if active}} class="active"{{/if}}>{{p_upper label}}</a>
{{/each}}</nav>
<h1>{{headline}}</h1>
<section class="features">
{{#each features}}{{> card f=this featured=(eq0 @index)}}{{/each}}</section>
{{#if (len testimonials)}}<ul class="quotes">
{{#each testimonials}}<li>{{quote}} — {{p_title author}}</li>
{{/each}}</ul>
{{else}}<p>No testimonials yet.</p>
{{/if}}<footer>{{footer}}</footer>
</body></html>
`),
    setHelpers: (h) => { hbH = h; },
  };
};
let hbH = null; // Handlebars helpers are registered once per environment; set before any render

/** Eta sources, shared with the HTTP group (@fastify/view); `card` is how the landing page names the component. */
export const ETA = {
  card: `<div class="<%= it.featured ? 'card card--featured' : 'card' %>">
<h3><%= it.h.title(it.f.title) %></h3>
<p><%= it.h.truncate(it.f.text, 60) %></p>
<p class="price"><%= it.h.currency(it.f.price, 'EUR') %></p>
<% if (it.f.stock > 0) { %><p class="stock">In stock (<%= it.f.stock %>)</p><% } else { %><p class="stock sold-out">Sold out</p><% } %>

<p class="tags"><%= it.h.join(it.f.tags, ', ') %></p>
</div>
`,
  list: `<ul>\n<% for (const item of it.items) { %><li><%= item %></li>\n<% } %></ul>\n`,
  table: `<table>\n<% for (const r of it.rows) { %><tr><td><%= r.name %></td><td><%= r.value %></td></tr>\n<% } %></table>\n`,
  landing: (card) => `<!DOCTYPE html>
<html><head><title><%= it.title %></title></head>
<body>
<nav>
<% for (const l of it.nav) { %><a href="<%= l.href %>"<% if (l.active) { %> class="active"<% } %>><%= it.h.upper(l.label) %></a>
<% } %></nav>
<h1><%= it.headline %></h1>
<section class="features">
<% it.features.forEach((f, i) => { %><%~ include("${card}", { f, featured: i === 0, h: it.h }) %><% }) %></section>
<% if (it.h.length(it.testimonials)) { %><ul class="quotes">
<% for (const t of it.testimonials) { %><li><%= t.quote %> — <%= it.h.title(t.author) %></li>
<% } %></ul>
<% } else { %><p>No testimonials yet.</p>
<% } %><footer><%= it.footer %></footer>
</body></html>
`,
};

const eta = async () => {
  const { Eta } = await import(require.resolve("eta").replace(/index\.cjs$/, "index.mjs"));
  const e = new Eta({ autoEscape: true, cache: true, autoTrim: false, useWith: false });
  e.loadTemplate("@card", ETA.card);
  e.loadTemplate("@list", ETA.list);
  e.loadTemplate("@table", ETA.table);
  e.loadTemplate("@landing", ETA.landing("@card"));
  return { list: (d) => e.render("@list", d), table: (d) => e.render("@table", d), landing: (d) => e.render("@landing", d) };
};

const liquid = async () => {
  const { Liquid } = require("liquidjs");
  const l = new Liquid({ outputEscape: "escape", cache: true, strictFilters: true });
  let h = null;
  for (const n of ["upper", "title", "truncate", "currency", "join", "length"]) l.registerFilter(`p_${n}`, (...a) => h[n](...a));
  l.registerTemplates?.({});
  const card = `<div class="{% if featured %}card card--featured{% else %}card{% endif %}">
<h3>{{ f.title | p_title }}</h3>
<p>{{ f.text | p_truncate: 60 }}</p>
<p class="price">{{ f.price | p_currency: 'EUR' }}</p>
{% if f.stock > 0 %}<p class="stock">In stock ({{ f.stock }})</p>{% else %}<p class="stock sold-out">Sold out</p>{% endif %}
<p class="tags">{{ f.tags | p_join: ', ' }}</p>
</div>
`;
  const cardTpl = l.parse(card);
  l.registerTag?.("noop", { parse() {}, render() { return ""; } });
  const list = l.parse(`<ul>\n{% for item in items %}<li>{{ item }}</li>\n{% endfor %}</ul>\n`);
  const table = l.parse(`<table>\n{% for r in rows %}<tr><td>{{ r.name }}</td><td>{{ r.value }}</td></tr>\n{% endfor %}</table>\n`);
  const landing = l.parse(`<!DOCTYPE html>
<html><head><title>{{ title }}</title></head>
<body>
<nav>
{% for l in nav %}<a href="{{ l.href }}"{% if l.active %} class="active"{% endif %}>{{ l.label | p_upper }}</a>
{% endfor %}</nav>
<h1>{{ headline }}</h1>
<section class="features">
{% for f in features %}{% if forloop.first %}{% assign featured = true %}{% else %}{% assign featured = false %}{% endif %}{% render 'card', f: f, featured: featured %}{% endfor %}</section>
{% assign n = testimonials | p_length %}{% if n > 0 %}<ul class="quotes">
{% for t in testimonials %}<li>{{ t.quote }} — {{ t.author | p_title }}</li>
{% endfor %}</ul>
{% else %}<p>No testimonials yet.</p>
{% endif %}<footer>{{ footer }}</footer>
</body></html>
`);
  l.options.fs = { exists: async () => true, existsSync: () => true, readFile: async () => card, readFileSync: () => card, resolve: (_r, f) => f, contains: () => true, fallback: () => undefined, sep: "/", dirname: () => "" };
  l.options.relativeReference = false;
  void cardTpl;
  return {
    list: (d) => l.renderSync(list, d), table: (d) => l.renderSync(table, d), landing: (d) => l.renderSync(landing, d),
    setHelpers: (x) => { h = x; },
  };
};

const edge = async () => {
  const mod = await import(require.resolve("edge.js"));
  const e = mod.Edge.create();
  e.registerTemplate("card", { template: `<div class="{{ featured ? 'card card--featured' : 'card' }}">
<h3>{{ h.title(f.title) }}</h3>
<p>{{ h.truncate(f.text, 60) }}</p>
<p class="price">{{ h.currency(f.price, 'EUR') }}</p>
@if(f.stock > 0)
<p class="stock">In stock ({{ f.stock }})</p>
@else
<p class="stock sold-out">Sold out</p>
@end
<p class="tags">{{ h.join(f.tags, ', ') }}</p>
</div>
` });
  e.registerTemplate("list", { template: `<ul>\n@each(item in items)\n<li>{{ item }}</li>\n@end\n</ul>\n` });
  e.registerTemplate("table", { template: `<table>\n@each(r in rows)\n<tr><td>{{ r.name }}</td><td>{{ r.value }}</td></tr>\n@end\n</table>\n` });
  e.registerTemplate("landing", { template: `<!DOCTYPE html>
<html><head><title>{{ title }}</title></head>
<body>
<nav>
@each(l in nav)
<a href="{{ l.href }}"{{{ l.active ? ' class="active"' : '' }}}>{{ h.upper(l.label) }}</a>
@end
</nav>
<h1>{{ headline }}</h1>
<section class="features">
@each((f, i) in features)
@!component('card', { f, featured: i === 0, h })
@end
</section>
@if(h.length(testimonials))
<ul class="quotes">
@each(t in testimonials)
<li>{{ t.quote }} — {{ h.title(t.author) }}</li>
@end
</ul>
@else
<p>No testimonials yet.</p>
@end
<footer>{{ footer }}</footer>
</body></html>
` });
  const sync = typeof e.renderSync === "function";
  const r = (name) => (sync ? (d) => e.renderSync(name, d) : (d) => e.render(name, d));
  return { list: r("list"), table: r("table"), landing: r("landing"), async: !sync };
};

export const ENGINES = [
  ["tempura", tempura], ["doT", dot], ["Pug", pug], ["Handlebars (precompiled)", handlebars],
  ["Eta (cached)", eta], ["LiquidJS", liquid], ["Edge.js", edge],
];

/** Loads every engine that installs and compiles; failures are recorded, not thrown. */
export async function loadEngines(h) {
  const ok = [], failed = [];
  for (const [name, make] of ENGINES) {
    try {
      const fns = await make();
      fns.setHelpers?.(h);
      ok.push({ name, fns });
    } catch (e) { failed.push({ name, error: String(e?.message ?? e).split("\n")[0] }); }
  }
  return { ok, failed };
}
