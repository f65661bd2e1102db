// Output contexts (SPEC §3.5), server-side v-if chains (§3.10) and layout structure (§3.9.2).
import { describe, expect, it } from "vitest";
import type { OutputNode } from "../../compiler/template/ast.js";
import { diags, parse, render } from "./helpers.js";

const firstOutput = (src: string) => {
  const find = (nodes: any[]): OutputNode | undefined => {
    for (const n of nodes) {
      if (n.kind === "output") return n;
      const inner = n.kind === "if" ? n.branches.flatMap((b: any) => b.body) : n.body;
      if (inner) { const f = find(inner); if (f) return f; }
    }
    return undefined;
  };
  return find(parse(src).ast.nodes);
};

describe("output contexts", () => {
  it.each([
    ["<p>{{ x }}</p>", { kind: "text" }],
    ["<a href=\"{{ x }}\">", { kind: "attr", name: "href", quoted: true, url: true, first: true }],
    ["<a href=\" {{ x }}\">", { kind: "attr", name: "href", quoted: true, url: true, first: true }],
    ["<a href=\"/p?{{ x }}\">", { kind: "attr", name: "href", quoted: true, url: true, first: false }],
    ["<img SRC='{{ x }}'>", { kind: "attr", name: "SRC", quoted: true, url: true, first: true }],
    ["<div class={{ x }}>", { kind: "attr", name: "class", quoted: false, url: false, first: true }],
    ["<div title=\"{{ a }}\" class=\"{{ x }}\">", { kind: "attr", name: "title", quoted: true, url: false, first: true }],
    ["<script>var a = {{ x }};</script>", { kind: "raw-text", element: "script" }],
    ["<style>a { color: {{ x }} }</style>", { kind: "raw-text", element: "style" }],
    ["<!-- {{ x }} -->", { kind: "comment" }],
    ["<script>x</script><p>{{ x }}</p>", { kind: "text" }],
    ["<p title=\"a>b\">{{ x }}", { kind: "text" }],
    ["<p {{-- c --}} title=\"{{ x }}\">", { kind: "attr", name: "title", quoted: true, url: false, first: true }],
  ])("%j", (src, ctx) => {
    expect(firstOutput(src)?.context).toEqual(ctx);
  });

  it.each([
    ["<div class={{ x }}>", ["PC1060 1:12"]],
    ["<div class=a{{ x }}>", ["PC1060 1:13"]],
    ["<a onclick=\"go('{{ x }}')\">", ["PC1061 1:17"]],
    ["<a ONMOUSEOVER={{ x }}>", ["PC1060 1:16", "PC1061 1:16"]],
    ["<p>onclick={{ x }}</p>", []],
    ["@verbatim<a onclick=\"{{ x }}\">@endverbatim", []],
  ])("%j → %j", (src, expected) => {
    expect(diags(src)).toEqual(expected);
  });

  it("PC1060/PC1061 messages", () => {
    expect(parse("<div class={{ x }}>").diagnostics[0].message).toBe("output tags in unquoted attribute values are not allowed; quote the value of `class`");
    expect(parse("<a onclick=\"{{ x }}\">").diagnostics[0].message).toBe("output tags are not allowed in the event-handler attribute `onclick`; pass the data through a `data-*` attribute");
  });
});

describe("v-if chains", () => {
  it("keeps the first truthy element and removes the attribute with one space before it", () => {
    const src = "<p v-if=\"a\">A</p> <p class=\"x\" v-else-if=\"b\">B</p><p v-else>C</p>";
    expect(render(src, { a: true, b: false })).toBe("<p>A</p> ");
    expect(render(src, { a: false, b: true })).toBe(" <p class=\"x\">B</p>");
    expect(render(src, { a: false, b: false })).toBe(" <p>C</p>");
  });

  it("never removes a quote before the attribute", () => {
    expect(render("<p a=\"1\"v-if=\"x\">A</p>", { x: true })).toBe("<p a=\"1\">A</p>");
  });

  it("text between chain members is output even when nothing matches", () => {
    const src = "<i v-if=\"a\">A</i> <i v-else-if=\"b\">B</i>!";
    expect(render(src, { a: false, b: false })).toBe(" !");
    expect(render(src, { a: false, b: true })).toBe(" <i>B</i>!");
  });

  it("removed elements alone on their lines go with their lines", () => {
    const src = "<ul>\n  <li v-if=\"a\">\n    A\n  </li>\n  <li v-else>B</li>\n</ul>";
    expect(render(src, { a: true })).toBe("<ul>\n  <li>\n    A\n  </li>\n</ul>");
    expect(render(src, { a: false })).toBe("<ul>\n  <li>B</li>\n</ul>");
  });

  it("comments between members keep the chain", () => {
    const src = "<p v-if=\"a\">A</p>\n{{-- note --}}\n<p v-else>B</p>";
    expect(render(src, { a: false })).toBe("<p>B</p>");
    expect(diags(src)).toEqual([]);
  });

  it("HTML comments between members keep the chain and are output", () => {
    const src = "<p v-if=\"a\">A</p>\n<!-- c -->\n<p v-else>B</p>";
    expect(diags(src)).toEqual([]);
    expect(render(src, { a: false })).toBe("<!-- c -->\n<p>B</p>");
    expect(render(src, { a: true })).toBe("<p>A</p>\n<!-- c -->\n");
  });

  it("very long chains with gaps output the gaps after the chain (bounded tree size)", () => {
    const members = Array.from({ length: 100 }, (_, i) => `<b v-${i ? "else-if" : "if"}="k == ${i}">${i}</b>`);
    const r = parse(members.join(" "));
    expect(r.diagnostics).toEqual([]);
    const chain = r.ast.nodes[0];
    expect(chain.kind === "if" && chain.branches.length).toBe(100);
    expect(render(members.join(" "), { k: 50 })).toBe("<b>50</b>" + " ".repeat(99));
    expect(render(members.slice(0, 3).join(" "), { k: 1 })).toBe(" <b>1</b> ");
  });

  it("other content breaks the chain (PC1030)", () => {
    expect(diags("<p v-if=\"a\">A</p>x<p v-else>B</p>")).toEqual(["PC1030 1:22"]);
    expect(diags("<p v-if=\"a\">A</p>{{ y }}<p v-else-if=\"b\">B</p>")).toEqual(["PC1030 1:28"]);
    expect(diags("<div><p v-if=\"a\">A</p></div><p v-else>B</p>")).toEqual(["PC1030 1:32"]);
    expect(diags("<p v-if=\"a\">A</p><p v-else>B</p><p v-else>C</p>")).toEqual(["PC1030 1:36"]);
  });

  it("counts nested same-name tags, void elements and />", () => {
    const src = "<div v-if=\"a\"><div>x</div><br><img src=\"y\"/><input></div><span v-else/>";
    expect(render(src, { a: true })).toBe("<div><div>x</div><br><img src=\"y\"/><input></div>");
    expect(render(src, { a: false })).toBe("<span/>");
    expect(render("<input v-if=\"a\" name=\"q\"><b>", { a: false })).toBe("<b>");
  });

  it("ignores tags inside script and style contents", () => {
    const src = "<div v-if=\"a\"><script>if (x) document.write('<div>')</script></div>!";
    expect(diags(src)).toEqual([]);
    expect(render(src, { a: false })).toBe("!");
  });

  it("unwraps <template>", () => {
    const src = "<template v-if=\"a\">\n<p>A</p>\n</template>\n<template v-else><p>B</p></template>";
    expect(render(src, { a: true })).toBe("\n<p>A</p>\n\n");
    expect(render(src, { a: false })).toBe("<p>B</p>");
  });

  it("decodes entities in the condition and keeps start at the value", () => {
    const r = parse("<p v-if=\"a &amp;&amp; b &gt; 1 &#39;x&#39; &quot;\">x</p>");
    expect(r.ast.nodes[0]).toMatchObject({ kind: "if", form: "v-if", branches: [{ cond: { text: "a && b > 1 'x' \"", start: 9 }, span: { start: 3, end: 50 } }] });
    const cond = r.ast.nodes[0].kind === "if" ? r.ast.nodes[0].branches[0].cond! : null;
    // offsets map decoded characters back: "&" (2nd) starts at 11, "b" sits at 22, the end is the closing quote.
    expect([cond!.offsets![2], cond!.offsets![3], cond!.offsets![5], cond!.offsets![cond!.text.length]]).toEqual([11, 16, 22, 49]);
    expect(parse("<p v-if=\"a < b\">x</p>").ast.nodes[0]).toMatchObject({ branches: [{ cond: { text: "a < b", start: 9 } }] });
    expect(JSON.stringify(parse("<p v-if=\"a\">x</p>").ast.nodes[0])).not.toContain("offsets");
  });

  it("works inside directive bodies and with output tags in the start tag", () => {
    const src = "@if(on)\n<p class=\"{{ c }}\" v-if=\"a\">A</p>\n<p v-else>B</p>\n@endif\n";
    expect(render(src, { on: true, a: true, c: "k" })).toBe("<p class=\"k\">A</p>\n");
    expect(render(src, { on: true, a: false, c: "k" })).toBe("<p>B</p>\n");
  });

  it("nested chains", () => {
    const src = "<div v-if=\"a\"><b v-if=\"b\">1</b><b v-else>2</b></div><div v-else>3</div>";
    expect(render(src, { a: true, b: false })).toBe("<div><b>2</b></div>");
    expect(render(src, { a: false, b: false })).toBe("<div>3</div>");
  });

  it.each([
    ["<p v-if=\"a\">", ["PC1031 1:2"]],
    ["@if(x)<p v-if=\"a\">@endif</p>", ["PC1031 1:8"]],
    ["<p v-if=\"a\">@if(x)</p>@endif", ["PC1031 1:2"]],
    ["<p v-if=\"a\" v-else>x</p>", ["PC1032 1:13"]],
    ["<p v-if=\"a\">x</p><p v-else=\"b\">y</p>", ["PC1032 1:28"]],
    ["<p v-if=\"\">x</p>", ["PC1034 1:4"]],
    ["<p v-if>x</p>", ["PC1034 1:4"]],
    ["<p v-else-if=\" \">x</p>", ["PC1034 1:4"]],
    ["<p V-IF=\"a\">x</p>", []],
    ["<li v-for=\"i in xs\" v-show=\"s\" v-model.lazy=\"m\" v-bind:id=\"i\" v-on:click=\"f\" x-if=\"a\" ng-if=\"b\">", ["PC1033 1:5", "PC1033 1:21", "PC1033 1:32", "PC1033 1:49", "PC1033 1:63", "PC1033 1:78", "PC1033 1:87"]],
    ["<div v-pre><p v-if=\"a\">{{ x }}</p><b v-for=\"y\"></b></div>", []],
    ["@verbatim<p v-for=\"a\" v-else>x</p>@endverbatim", []],
  ])("%j → %j", (src, expected) => {
    expect(diags(src)).toEqual(expected);
  });

  it("PC1031 message", () => {
    expect(parse("<p v-if=\"a\">").diagnostics[0].message).toBe("the `<p>` element with `v-if` has no matching `</p>` in the same block");
  });

  it("v-pre leaves the element as is", () => {
    expect(render("<div v-pre><p v-if=\"a\">x</p></div>", { a: false })).toBe("<div v-pre><p v-if=\"a\">x</p></div>");
  });
});

describe("layout structure (§3.9.2)", () => {
  it.each([
    ["{{-- efmeta:{} --}}\n<script scope=backend>x</script>\n@extends(\"layout\")\n@block(\"a\")x@endblock", []],
    ["x\n@extends(\"layout\")", ["PC1041 1:1", "PC1040 2:1"]],
    ["@extends(\"a\")\n@extends(\"b\")", ["PC1040 2:1"]],
    ["@extends(\"a\")\nhello there\n@block(\"a\")x@endblock\n{{ y }}", ["PC1041 2:1", "PC1041 4:1"]],
    ["@extends(\"a\")\n@block(\"a\")@block(\"b\")@endblock@endblock", ["PC1042 2:12"]],
    ["@extends(\"a\")\n@block(\"a\")@endblock\n@block(\"a\")@endblock", ["PC1042 3:1"]],
    ["@block(\"a\")@block(\"b\")@endblock@endblock", []],
  ])("%j → %j", (src, expected) => {
    expect(diags(src)).toEqual(expected);
  });

  it("@extends in a component still sets ast.extends (the analysis reports PC5015 from it)", () => {
    expect(diags("@extends(\"a\")", "component")).toEqual([]);
    expect(parse("@extends(\"a\")", "component").ast.extends?.slug).toBe("a");
  });

  it("sets ast.extends with the slug (a .ef suffix is dropped)", () => {
    expect(parse("@extends(\"members-layout.ef\")").ast.extends).toEqual({ span: { start: 0, end: 29 }, slug: "members-layout", slugSpan: { start: 9, end: 28 } });
  });

  it("PC1041 covers the run up to the end of its first line", () => {
    const d = parse("@extends(\"a\")\n  hello\n  world\n@block(\"a\")@endblock").diagnostics[0];
    expect([d.start, d.end]).toEqual([{ line: 2, column: 3 }, { line: 2, column: 8 }]);
  });
});
