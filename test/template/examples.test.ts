// Expected bodies from SPEC §3.3 and §10, rendered from the parsed tree with the test renderer.
import { describe, expect, it } from "vitest";
import { parse, render, renderNodes, topBlocks } from "./helpers.js";

describe("SPEC §3.3 worked example", () => {
  it("drops standalone directive lines and keeps inline ones", () => {
    const src = "@if(user)\n  <p>Hi {{ user }}</p>\n@endif\n<p>@if(a)A@else B@endif</p>\n";
    expect(render(src, { user: "Ann", a: false })).toBe("  <p>Hi Ann</p>\n<p> B</p>");
  });
});

const DASHBOARD = `{{-- efmeta:{"slug":"dashboard"} --}}
<script scope="backend">
  if (!is_customer) {
    redirect('/login?next=%2Fdashboard');
  }
  setVariable('on_track', false);
</script>
<h2>Current: {{ var.now_text }}</h2>
<h2>Goal: << var.goal_text >></h2>
<p v-if="var.on_track">Goal reached. Well done, {{ customer.name }}!</p>
<p v-else-if="var.goal_text == 'not set'">Set a goal to start tracking progress.</p>
<p v-else>Keep going, {{ customer.name | default:'friend' }}.</p>
`;

const CHECKIN = `{{-- efmeta:{"slug":"weight/checkin"} --}}
<script scope="backend">
  setVariable('heading', 'Daily check-in');
</script>
<h1>{{ var.heading }} · {{ var.brand_name }}</h1>
@verbatim
<div id="checkin">
  <p>Weights are stored by << var.brand_name >> for {{ unitLabel }}.</p>
  <form @submit.prevent="send">
    <input v-model.number="weight" type="number" step="0.1">
    <button>Save</button>
  </form>
  <p v-if="message">{{ message }}</p>
</div>
@endverbatim
<script src="/assets/checkin.js"></script>
`;

describe("SPEC §10.1", () => {
  it("A4: v-if chain on the dashboard", () => {
    const r = parse(DASHBOARD);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.scripts).toHaveLength(1);
    expect(r.ast.scripts[0].content.startsWith("\n  if (!is_customer)")).toBe(true);
    const chain = r.ast.nodes.find((n) => n.kind === "if");
    expect(chain && chain.kind === "if" && chain.form).toBe("v-if");
    const v = { now_text: "182.5 lbs", goal_text: "not set", on_track: false };
    const body = renderNodes(r.ast.nodes, { var: v, customer: { name: "Sam Lee" }, "customer.name | default:'friend'": "Sam Lee" });
    expect(body).toBe("<h2>Current: 182.5 lbs</h2>\n<h2>Goal: not set</h2>\n<p>Set a goal to start tracking progress.</p>\n");
  });

  it("A4 variants: first and last branch", () => {
    const r = parse(DASHBOARD);
    const scope = (on: boolean, goal: string) => ({ var: { now_text: "1", goal_text: goal, on_track: on }, customer: { name: "Sam" }, "customer.name | default:'friend'": "Sam" });
    expect(renderNodes(r.ast.nodes, scope(true, "x"))).toBe("<h2>Current: 1</h2>\n<h2>Goal: x</h2>\n<p>Goal reached. Well done, Sam!</p>\n");
    expect(renderNodes(r.ast.nodes, scope(false, "x"))).toBe("<h2>Current: 1</h2>\n<h2>Goal: x</h2>\n<p>Keep going, Sam.</p>");
  });

  it("A6: @verbatim keeps Vue markup, << >> still live", () => {
    const r = parse(CHECKIN);
    expect(r.diagnostics).toEqual([]);
    const body = renderNodes(r.ast.nodes, { var: { heading: "Daily check-in", brand_name: "FitTrack" } });
    expect(body).toBe(`<h1>Daily check-in · FitTrack</h1>
<div id="checkin">
  <p>Weights are stored by FitTrack for {{ unitLabel }}.</p>
  <form @submit.prevent="send">
    <input v-model.number="weight" type="number" step="0.1">
    <button>Save</button>
  </form>
  <p v-if="message">{{ message }}</p>
</div>
<script src="/assets/checkin.js"></script>`);
  });
});

const PRODUCTS = `{{-- efmeta:{"slug":"products"} --}}
@set(count = var.products | length)
<h1>{{ var.brand_name | upper }} · {{ count }} products</h1>
@foreach((p, i) in var.products)
@component("product-card", { product: p, featured: i == 0 })
@endforeach
<footer>All prices in {{ var.currency }}.</footer>
`;

const CARD = `{{-- efmeta:{"code":"product-card"} --}}
<article class="{{ featured ? 'card card--featured' : 'card' }}">
  <h2>{{ product.name }}</h2>
</article>
`;

const SKU = `{{-- efmeta:{"slug":"products/{sku}"} --}}
<script scope="backend">
  setVariable('product', null);
</script>
@if(var.product)
<h1>{{ var.product.name }}</h1>
@else
<h1>No product called "{{ route_params.sku }}"</h1>
<p><a href="/products">Back to all products</a></p>
@endif
`;

describe("SPEC §10.2", () => {
  it("B1: @set/@foreach lines vanish, each @component line keeps its line break", () => {
    const r = parse(PRODUCTS);
    expect(r.diagnostics).toEqual([]);
    const scope = { var: { products: [1, 2, 3], currency: "EUR" }, "var.products | length": 3, "var.brand_name | upper": "HILLTOP GEAR" };
    const card = "<article>x</article>";
    expect(renderNodes(r.ast.nodes, scope, { components: { "product-card": card } }))
      .toBe(`<h1>HILLTOP GEAR · 3 products</h1>\n${card}\n${card}\n${card}\n<footer>All prices in EUR.</footer>`);
    const fe = r.ast.nodes.find((n) => n.kind === "foreach");
    expect(fe && fe.kind === "foreach" && [fe.item.name, fe.key?.name, fe.iterable.text]).toEqual(["p", "i", "var.products"]);
    const comp = fe && fe.kind === "foreach" ? fe.body.find((n) => n.kind === "component") : undefined;
    expect(comp && comp.kind === "component" && [comp.code, comp.args?.text]).toEqual(["product-card", "{ product: p, featured: i == 0 }"]);
  });

  it("B1: the component drops its efmeta line and final line break", () => {
    const body = render(CARD, { featured: true, product: { name: "Tent" } });
    expect(body).toBe(`<article class="card card--featured">\n  <h2>Tent</h2>\n</article>`);
  });

  it("B2/B3: @if/@else lines vanish, body ends with a line break", () => {
    expect(render(SKU, { var: { product: { name: "Enamel Mug" } } })).toBe("<h1>Enamel Mug</h1>\n");
    expect(render(SKU, { var: { product: null }, route_params: { sku: "<b>x" } }))
      .toBe(`<h1>No product called "<b>x"</h1>\n<p><a href="/products">Back to all products</a></p>\n`);
  });
});

const LAYOUT = `{{-- efmeta:{"slug":"members-layout"} --}}
<script scope="backend">
  setVariable('member_name', customer.name);
</script>
<!DOCTYPE html>
<html>
<head><title>@yield("title") | Members</title></head>
<body>
<header>Signed in as {{ var.member_name }} · <a href="/logout">Log out</a></header>
@block("content")
<p>Nothing here yet.</p>
@endblock
</body>
</html>
`;

const CHILD = `{{-- efmeta:{"slug":"members"} --}}
@extends("members-layout")
<script scope="backend">
  setVariable('perks', ['Weekly plan', 'Coach chat', 'Recipe vault']);
</script>
@block("title")Your plan@endblock
@block("content")
<h1>Welcome back, {{ customer.first_name | default:var.member_name }}</h1>
<ol>
@foreach(perk in var.perks)
  <li>{{ perk }}@if(loop.last) (new)@endif</li>
@endforeach
</ol>
@endblock
`;

const LOGIN = `{{-- efmeta:{"slug":"login"} --}}
<script scope="backend">
  setVariable('next', '/members');
</script>
<h1>Member login</h1>
@if(var.error)
<p class="error">{{ var.error }}</p>
@endif
<form method="post" action="/login?next={{ var.next | url_encode }}">
  <input name="email" type="email" value="{{ request.body.email | default:'' }}">
  <button>Sign in</button>
</form>
`;

describe("SPEC §10.3", () => {
  it("C4: layout with child blocks (inline `Your plan@endblock`)", () => {
    const layout = parse(LAYOUT);
    const child = parse(CHILD);
    expect(layout.diagnostics).toEqual([]);
    expect(child.diagnostics).toEqual([]);
    expect(child.ast.extends).toMatchObject({ slug: "members-layout" });
    const scope = { var: { member_name: "Sam Lee", perks: ["Weekly plan", "Coach chat", "Recipe vault"] }, "customer.first_name | default:var.member_name": "Sam Lee" };
    const body = renderNodes(layout.ast.nodes, scope, { blocks: topBlocks(child.ast) });
    expect(body).toBe(`<!DOCTYPE html>
<html>
<head><title>Your plan | Members</title></head>
<body>
<header>Signed in as Sam Lee · <a href="/logout">Log out</a></header>
<h1>Welcome back, Sam Lee</h1>
<ol>
  <li>Weekly plan</li>
  <li>Coach chat</li>
  <li>Recipe vault (new)</li>
</ol>
</body>
</html>`);
  });

  it("C2: login page with an error", () => {
    const r = parse(LOGIN);
    expect(r.diagnostics).toEqual([]);
    const scope = { var: { error: "That email and PIN do not match." }, "var.next | url_encode": "%2Fmembers", "request.body.email | default:''": "sam@example.com" };
    expect(renderNodes(r.ast.nodes, scope)).toBe(`<h1>Member login</h1>
<p class="error">That email and PIN do not match.</p>
<form method="post" action="/login?next=%2Fmembers">
  <input name="email" type="email" value="sam@example.com">
  <button>Sign in</button>
</form>`);
    const outs = JSON.stringify(r.ast.nodes);
    expect(outs).toContain(`"context":{"kind":"attr","name":"action","quoted":true,"url":true,"first":false}`);
    expect(outs).toContain(`"context":{"kind":"attr","name":"value","quoted":true,"url":false,"first":true}`);
  });
});
