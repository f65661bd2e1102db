// Lexical rules of SPEC §3.1: comments, triple braces, output tags, pass-through, << >>, backend scripts,
// raw text, @verbatim, conflict markers and platform markers.
import { describe, expect, it } from "vitest";
import { codes, diags, parse, render } from "./helpers.js";

describe("lexical diagnostics", () => {
  it.each([
    ["a {{-- x", ["PC1002 1:3"]],
    ["{{{ x }}}", ["PC1006 1:1"]],
    ["{{{ x", ["PC1006 1:1"]],
    ["{{ x", ["PC1001 1:1"]],
    ["{{ }}", ["PC1004 1:1"]],
    ["<< >>", ["PC1004 1:1"]],
    ["a << b", ["PC1003 1:3"]],
    ["a << b\n>>", ["PC1003 1:3"]],
    ["[[ {{ x }} ]]", ["PC1056 1:4"]],
    ["[[ x", []],
    ["x\n=======\ny", ["PC1005 2:1"]],
    ["=======x", []],
    ["|||||||\t", ["PC1005 1:1"]],
    [">>>>>>> main", ["PC1005 1:1"]],
    ["@verbatim\n<<<<<<< HEAD\n@endverbatim", ["PC1005 2:1"]],
    ["@verbatim x", ["PC1007 1:1"]],
    ["@verbatim<script scope=\"backend\">x</script>@endverbatim", ["PC1059 1:10"]],
    ["<script scope=\"backend\">x", ["PC1008 1:1"]],
    ["<script scope=\"backend\">x</script>", ["PC5010 1:1"], "component"],
    ["x\n{{-- efmeta:{} --}}", ["PC1055 2:1"]],
    ["{{-- efmeta:{} --}}", []],
    ["<component type=\"header\"></component>", ["PC1058 1:2"]],
    ["[BUY=abc] %YEAR% {customer.first_name}", ["PC1064 1:1", "PC1064 1:11", "PC1064 1:18"]],
    ["<split-test></split-test><dynamic-container/><inline-split-test>", ["PC1064 1:1", "PC1064 1:26", "PC1064 1:46"]],
    ["a%C3%A9b 100% {x}", []],
    ["<style>a{b.c}</style>", []],
  ] as Array<[string, string[], ("page" | "component")?]>)("%j → %j", (src, expected, kind) => {
    expect(diags(src, kind)).toEqual(expected);
  });

  it("PC1003 offers the &lt;&lt; fix", () => {
    const d = parse("a << b").diagnostics[0];
    expect(d.suggestions[0]).toMatchObject({ title: "replace with `&lt;&lt;`", edits: [{ newText: "&lt;&lt;" }] });
  });

  it("messages follow the catalogue", () => {
    const msg = (s: string) => parse(s).diagnostics[0].message;
    expect(msg("{{{ x }}}")).toBe("`{{{ … }}}` is not supported; use `{{ expr | raw }}` for unescaped output");
    expect(msg("<script scope=backend>")).toBe("`<script scope=\"backend\">` has no closing `</script>`");
    expect(msg("<component type=\"hdr\">")).toBe("`<component type=\"…\">` tags are not processed by pagec; use `@component(\"hdr\")`");
    expect(msg("%YEAR%")).toBe("platform page-pipeline marker `%YEAR%` is not processed by pagec and is sent as text");
  });
});

describe("output tags", () => {
  it("closes at the first }} outside strings at depth 0", () => {
    const r = parse("{{ f({a: {b: 1}}) }}!");
    expect(r.ast.nodes[0]).toMatchObject({ kind: "output", delim: "{{", expr: { text: " f({a: {b: 1}}) ", start: 2 }, span: { start: 0, end: 20 } });
    expect(parse("{{ '}}' }}").ast.nodes[0]).toMatchObject({ expr: { text: " '}}' " } });
    expect(parse("{{ \"a\\\"}}\" }}").ast.nodes).toHaveLength(1);
  });

  it("<< >> works like {{ }} on the same line", () => {
    const r = parse("<p><< a >> b</p>");
    expect(r.ast.nodes[1]).toMatchObject({ kind: "output", delim: "<<", expr: { text: " a " } });
    expect(render("<< 1 + 1 >>")).toBe("2");
  });

  it("<< is a shift inside a frontend <script>, and other rules still apply there", () => {
    const r = parse("<script>let x = 1 << 2; let y = {{ v | json | raw }};</script>");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.nodes.filter((n) => n.kind === "output")).toHaveLength(1);
    expect(r.ast.nodes[1]).toMatchObject({ context: { kind: "raw-text", element: "script" } });
    expect(render("<script>a << b >> c</script><p><< 1 >></p>")).toBe("<script>a << b >> c</script><p>1</p>");
  });

  it("<<< and <<<< never start a tag", () => {
    expect(codes("a <<< b >> c")).toEqual([]);
  });

  it("pass-through is copied byte for byte", () => {
    expect(render("[[ {{ x }} @if(a) ]]!")).toBe("[[ {{ x }} @if(a) ]]!");
  });

  it("a comment without --}} leaves the rest as literal text", () => {
    expect(render("a {{-- b {{ 1 }}")).toBe("a {{-- b {{ 1 }}");
  });

  it("triple braces output nothing", () => {
    expect(render("a{{{ x }}}b")).toBe("ab");
  });
});

describe("backend scripts", () => {
  it.each([
    "<script scope=\"backend\">S</script>",
    "<SCRIPT SCOPE=\"BACKEND\">S</SCRIPT>",
    "<script scope='backend'>S</script>",
    "<script scope=backend>S</script>",
    "<script type=\"module\" scope=\" Backend \" data-x='>'>S</script >",
    "<script\nscope=\"backend\"\n>S</script\n>",
  ])("%j is cut out", (src) => {
    const r = parse(`a\n${src}\nb`);
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.scripts).toHaveLength(1);
    expect(r.ast.scripts[0].content).toBe("S");
    expect(r.ast.scripts[0].contentStart).toBe(2 + src.indexOf(">S") + 1);
    expect(r.ast.scripts[0].span).toEqual({ start: 2, end: 2 + src.length });
    expect(render(`a\n${src}\nb`)).toBe("a\nb");
  });

  it.each(["<script>x</script>", "<script scope=\"frontend\">x</script>", "<scripts scope=backend>"])("%j stays in the output", (src) => {
    expect(parse(src).ast.scripts).toEqual([]);
    expect(render(src)).toBe(src);
  });

  it("a </script inside a JS string ends the block early", () => {
    const r = parse("<script scope=\"backend\">const s = '</script>';</script>");
    expect(r.ast.scripts[0].content).toBe("const s = '");
  });

  it("several scripts are collected in order with their start tags", () => {
    const r = parse("<script scope=backend>A</script>\nx\n<script scope=backend>B</script>");
    expect(r.ast.scripts.map((s) => [s.content, s.startTag])).toEqual([["A", { start: 0, end: 22 }], ["B", { start: 35, end: 57 }]]);
  });

  it("reports PC1053 inside @if, @foreach and v-if elements", () => {
    const src = "@if(a)\n<script scope=backend>A</script>\n@endif\n@foreach(x in y)@if(b)@endif<script scope=backend>B</script>@endforeach\n<div v-if=\"c\"><script scope=backend>C</script></div>\n<script scope=backend>D</script>";
    const r = parse(src);
    expect(r.ast.scripts.map((s) => s.insideConditional)).toEqual(["@if", "@foreach", "v-if", null]);
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "PC1053 this backend script always runs; the surrounding `@if` does not control it",
      "PC1053 this backend script always runs; the surrounding `@foreach` does not control it",
      "PC1053 this backend script always runs; the surrounding `v-if` does not control it",
    ]);
  });

  it("@block does not count as a conditional", () => {
    expect(parse("@block(\"a\")<script scope=backend>A</script>@endblock").ast.scripts[0].insideConditional).toBeNull();
  });
});

describe("@verbatim", () => {
  it("leaves template syntax alone except << >>", () => {
    const src = "@verbatim\n{{ a }} {{-- c --}} [[ d ]] @if(x) <p v-if=\"y\">z</p> << 1 + 2 >> <script>1 << 2</script>\n@endverbatim\n";
    const r = parse(src);
    expect(r.diagnostics).toEqual([]);
    expect(render(src)).toBe("{{ a }} {{-- c --}} [[ d ]] @if(x) <p v-if=\"y\">z</p> 3 <script>1 << 2</script>\n");
  });

  it("a nested @verbatim is literal text", () => {
    expect(render("@verbatim @verbatim x @endverbatim")).toBe(" @verbatim x ");
  });
});
