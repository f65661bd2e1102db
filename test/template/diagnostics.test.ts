// Template-side diagnostics: the §10.4 broken.ef page, directive recognition (§3.2.1), structure (§3.2.2)
// and the lexical rules of §3.1, as tables of input → "CODE line:col".
import { describe, expect, it } from "vitest";
import { diags, parse } from "./helpers.js";

const BROKEN = `{{-- efmeta:{"slug":"broken"} --}}
<script scope="backend">
  import { cents } from "format";
  setVariable('greeting', 'Hello');
  const weather = fetch('https://api.example.com/weather');
  setCrmField('pattern-tracker', 'current_weight', 80);
  const goal = getCrmField({ slug: 'tracker', fieldKey: 'goal weight' });
  setHeader('Set-Cookie', 'admin=1');
  response.status(99);
  const email = request.bodyy;
  if (request.query.go) redirect('javascript:alert(1)');
</script>
<h1>{{ greeting }}</h1>
<p>{{ var.motto }}</p>
<p>{{ var.brand_name | capitalise }}</p>
<p>{{ var.greeting.__proto__ }}</p>
<p v-else>Bye</p>
<p>{{ getCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight' }) }}</p>
@foreach(n in [1, 2, 3])
  <span>{{ n }}</span>
@endfor
<<<<<<< HEAD
@component("footer")
<p>{{ }}</p>
<p>{{ var.brand_name | upper </p>
`;

describe("SPEC §10.4 broken.ef", () => {
  it("reports exactly the template-side diagnostics at the spec's positions", () => {
    const r = parse(BROKEN);
    expect(r.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.message}`)).toEqual([
      "PC1030 17:4-17:10 `v-else` must directly follow an element with `v-if` or `v-else-if`",
      "PC1010 19:1-19:9 `@foreach` is never closed; add `@endforeach`",
      "PC1015 21:1-21:8 unknown directive `@endfor`; it is output as text",
      "PC1005 22:1-22:8 merge conflict marker `<<<<<<<` left in the file",
      "PC1004 24:4-24:9 empty output tag renders nothing",
      "PC1001 25:4-25:6 unclosed `{{`: no matching `}}` before the end of the file",
    ]);
    const byCode = Object.fromEntries(r.diagnostics.map((d) => [d.code, d]));
    expect(byCode.PC1015.suggestions[0].title).toBe("replace with `@endforeach`");
    expect(byCode.PC1004.suggestions[0].title).toBe("remove the empty tag");
    expect(byCode.PC1004.suggestions[0].edits[0].newText).toBe("");
    // Lines 20–25 sit inside the unclosed @foreach; the component and outputs are still in the tree.
    const fe = r.ast.nodes.find((n) => n.kind === "foreach");
    expect(fe?.kind === "foreach" && fe.body.some((n) => n.kind === "component" && n.code === "footer")).toBe(true);
    expect(r.ast.scripts).toHaveLength(1);
    expect(r.ast.scripts[0].insideConditional).toBeNull();
  });
});

describe("directive recognition (§3.2.1)", () => {
  it.each([
    ["bob@else.com", []],
    ["info@media.example", []],
    ["mail me: bob@else.com.", []],
    ["<style>@media (max-width: 10px) { a { b: c } }</style>", []],
    ["<style>@font-face { x: y }</style>", []],
    ["@MEDIA screen", []],
    ["@for(x in y)", ["PC1014 1:1"]],
    ["@endfor", ["PC1015 1:1"]],
    ["@if x", ["PC1016 1:1"]],
    ["@if(x", ["PC1017 1:1"]],
    ["@foo(bar)", ["PC1014 1:1"]],
    ["@click.prevent", []],
    ["<button @click=\"go\">", []],
    ["a@foo(bar)", []],
    ["@@if(x)", []],
    ["@elsewhere", []],
    ["x @endfoo y", ["PC1015 1:3"]],
  ])("%j → %j", (src, expected) => {
    expect(diags(src)).toEqual(expected);
  });

  it("suggests @foreach for @for( and replaces only `@for`", () => {
    const d = parse("@for(x in y)").diagnostics[0];
    expect(d.message).toBe("unknown directive `@for(`; it is output as text");
    expect(d.suggestions).toEqual([{ title: "replace with `@foreach`", edits: [{ file: "pages/t.ef", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: "@foreach" }] }]);
  });

  it("recognises bare directives right after letters and emoji", () => {
    const r = parse("@if(a)x@else📁@endif</p>");
    expect(r.diagnostics).toEqual([]);
    const n = r.ast.nodes[0];
    expect(n.kind === "if" && n.branches.map((b) => b.body.map((x) => (x.kind === "text" ? x.value : x.kind)))).toEqual([["x"], ["📁"]]);
  });

  it("@elsewhere is not a directive", () => {
    const r = parse("@if(a)@elsewhere@endif");
    const n = r.ast.nodes[0];
    expect(n.kind === "if" && n.branches.length).toBe(1);
  });
});

describe("structure (§3.2.2)", () => {
  it.each([
    ["@if(a)\nx", ["PC1010 1:1"]],
    ["@endif", ["PC1011 1:1"]],
    ["@endforeach", ["PC1011 1:1"]],
    ["@endverbatim", ["PC1011 1:1"]],
    ["@else", ["PC1012 1:1"]],
    ["@elseif(a)", ["PC1012 1:1"]],
    ["@if(a)@else@else@endif", ["PC1013 1:12"]],
    ["@if(a)@else@elseif(b)@endif", ["PC1013 1:12"]],
    ["@if(a)@foreach(x in y)@endif", ["PC1010 1:7"]],
    ["@foreach(x in y)@if(a)@block(\"b\")@endforeach", ["PC1010 1:17", "PC1010 1:23"]],
    ["@foreach(x)@endforeach", ["PC1018 1:10"]],
    ["@foreach(in y)@endforeach", ["PC1018 1:10"]],
    ["@set(a == b)", ["PC1018 1:6"]],
    ["@set(a)", ["PC1018 1:6"]],
    ["@component(x)", ["PC1018 1:12"]],
    ["@component(\"a\", b, c)", ["PC1018 1:12"]],
    ["@extends(slug)", ["PC1018 1:10"]],
    ["@block(\"a b\")@endblock", ["PC1018 1:8"]],
    ["@yield(\"a/b\")", ["PC1018 1:8"]],
    ["@setSessionItem(a, b, c)", ["PC1018 1:17"]],
    ["@clearSessionItem(a, b)", ["PC1018 1:19"]],
    ["@if()x@endif", ["PC1018 1:5"]],
  ])("%j → %j", (src, expected) => {
    expect(diags(src)).toEqual(expected);
  });

  it("PC1018 details", () => {
    const msg = (s: string) => parse(s).diagnostics[0].message;
    expect(msg("@foreach(x)@endforeach")).toBe("invalid arguments for `@foreach`: expected \"item in expression\"");
    expect(msg("@set(a == b)")).toBe("invalid arguments for `@set`: expected \"name = expression\"");
    expect(msg("@component(x)")).toBe("invalid arguments for `@component`: expected a string literal");
    expect(msg("@component(\"a\", b, c)")).toBe("invalid arguments for `@component`: expected at most 2 arguments");
  });

  it("recovers from a stray closer of an outer block", () => {
    const r = parse("@foreach(x in y)@if(a)A@endforeach B");
    expect(r.diagnostics.map((d) => d.message)).toEqual(["`@if` is never closed; add `@endif`"]);
    expect(r.ast.nodes.map((n) => n.kind)).toEqual(["foreach", "text"]);
  });

  it("splits directive arguments", () => {
    const r = parse("@foreach((x, k) in items | sort)@endforeach@set(total = total + item.price)@component(\"forms/input.ef\", { a: f(1, 2) })@setSessionItem('k', v)@clearSessionItem('k')@yield('main')@block(\"b.c-d_1\")@endblock");
    expect(r.diagnostics).toEqual([]);
    const [fe, set, comp, ss, cs, y, b] = r.ast.nodes;
    expect(fe).toMatchObject({ kind: "foreach", item: { name: "x", span: { start: 10, end: 11 } }, key: { name: "k", span: { start: 13, end: 14 } }, iterable: { text: "items | sort", start: 19 } });
    expect(set).toMatchObject({ kind: "set", name: "total", nameSpan: { start: 48, end: 53 }, value: { text: "total + item.price", start: 56 } });
    expect(comp).toMatchObject({ kind: "component", code: "forms/input", codeSpan: { start: 86, end: 102 }, args: { text: "{ a: f(1, 2) }" } });
    expect(ss).toMatchObject({ kind: "session-item", op: "set", key: { text: "'k'" }, value: { text: "v" } });
    expect(cs).toMatchObject({ kind: "session-item", op: "clear", key: { text: "'k'" }, value: null });
    expect(y).toMatchObject({ kind: "yield", name: "main" });
    expect(b).toMatchObject({ kind: "block", name: "b.c-d_1" });
  });

  it("closes the argument list with string and bracket awareness", () => {
    const r = parse("@if(f(\")\", [1, 2]))ok@endif");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.nodes[0]).toMatchObject({ kind: "if", branches: [{ cond: { text: "f(\")\", [1, 2])" } }] });
  });
});
