// Robustness: large inputs finish fast (the scanner is linear in practice) and random garbage never throws.
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../compiler/template/index.js";
import type { Node } from "../../compiler/template/ast.js";

const MiB = 1024 * 1024;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const PIECES = ["<p>", "</p>", "<div class=\"{{ c }}\">", "</div>", "{{ x }}", "{{", "}}", "<< y >>", "<<", ">>", "@if(a)", "@else", "@endif",
  "@foreach(i in xs)", "@endforeach", "@set(a = 1)", "@component(\"c\")", "{{-- c --}}", "{{--", "--}}", "[[", "]]", "'", "\"", "(", ")",
  "<script>", "</script>", "<style>", "</style>", "<script scope=\"backend\">", "@verbatim", "@endverbatim", "\n", "\r\n", " ", "text ",
  "bob@else.com", "@for(", "@endfor", "<p v-if=\"a\">", "<p v-else>", "<template v-else-if=\"b\">", "</template>", "=======\n", "<<<<<<< x\n",
  "%YEAR%", "[BUY=1]", "{a.b}", "<a onclick={{ z }}>", "@block(\"b\")", "@endblock", "@extends(\"l\")", "@yield(\"y\")", "{{{", "}}}", "<!--", "-->"];

function randomPage(size: number, seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let n = 0;
  while (n < size) { const p = PIECES[Math.floor(r() * PIECES.length)]; parts.push(p); n += p.length; }
  return parts.join("");
}

function timed(text: string): number {
  const t0 = performance.now();
  parseTemplate(text, { file: "pages/big.ef", kind: "page" });
  return performance.now() - t0;
}

/**
 * Linear-time check that survives a loaded machine: the big input must either finish quickly or take at most
 * ~16× as long as one eighth of it (linear is 8×, quadratic 64×).
 */
function expectLinear(make: (size: number) => string, big = MiB): void {
  const tSmall = timed(make(big / 8));
  const tBig = timed(make(big));
  if (tBig > 1500) expect(tBig).toBeLessThan(16 * tSmall + 1000);
  expect(tBig).toBeLessThan(30000);
}

const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

describe("robustness", () => {
  it("a 1 MiB random-ish page finishes fast", () => {
    expectLinear((size) => randomPage(size, 1));
  });

  it("a 1 MiB ordinary page finishes fast", () => {
    expectLinear(repeat("<div class=\"row {{ c }}\">\n@if(a)\n  <p v-if=\"x\">{{ item.name | upper }}</p>\n  <p v-else>none</p>\n@endif\n</div>\n"));
  });

  it.each([
    ["unclosed {{", "{{ a "],
    ["unclosed comments", "{{-- "],
    ["unclosed <<", "a << b "],
    ["unclosed @if(", "@if( "],
    ["unclosed backend scripts", "<script scope=backend> "],
    ["unclosed pass-through", "[[ "],
    ["pass-through regions", "[[ x ]] "],
    ["one long v-else-if chain with gaps", "<p v-else-if=\"a\">x</p> ", "<p v-if=\"a\">x</p>"],
    ["one long v-else-if chain without gaps", "<p v-else-if=\"a\">x</p>", "<p v-if=\"a\">x</p>"],
    ["many outputs in one attribute", "{{ a }}", "<i title=\""],
    ["open blocks", "@if(a)"],
    ["v-if without end tags", "<p v-if=\"a\">"],
    ["nested divs", "<div v-if=\"a\">"],
    ["email-like", "a@b.c "],
    ["unclosed {{ with strings and a late }}", "{{ ' "],
    ["unclosed {{ with brackets and a late }}", "{{ ( "],
    ["unclosed @if( with strings and a late )", "@if(' "],
    ["frontend script tags without >", "<script a "],
    ["frontend script tags", "<script a=1>x</script>"],
    ["platform brackets", "[BUY=x "],
    ["chains with scripts", "<p v-if=\"a\"><script scope=backend>x</script></p><p v-else>b</p>\n"],
    ["separate v-if elements", "<p v-if=\"a\">x</p>\n\n"],
  ] as Array<[string, string, string?]>)("256 KiB of %s stays linear", (_, unit, prefix = "") => {
    // A closing `}}`, `)` and `>>` at the very end makes every failed search run to the end of the file.
    expectLinear((size) => prefix + repeat(unit)(size) + " }}) >>", MiB / 4);
  });

  it.each([
    ["nested v-if elements with outputs", "<div v-if=\"a\">{{ x }}", "</div>"],
    ["nested v-if elements on lines", "<div v-if=\"a\">\n", "</div>\n"],
    ["nested @if with tags", "@if(a)<p>", "@endif"],
    ["nested @foreach with scripts", "@foreach(x in y)<script scope=backend>s</script>", "@endforeach"],
  ])("256 KiB of %s stays linear", (_, open, close) => {
    expectLinear((size) => {
      const n = Math.ceil(size / (open.length + close.length));
      return open.repeat(n) + close.repeat(n);
    }, MiB / 4);
  });

  it("a very long v-else-if chain separated by spaces neither overflows nor explodes", () => {
    const src = "<p v-if=\"a\">x</p>" + " <p v-else-if=\"b\">y</p>".repeat(40000);
    const r = parseTemplate(src, { file: "pages/c.ef", kind: "page" });
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.nodes[0]).toMatchObject({ kind: "if", form: "v-if" });
  });

  it("random garbage never throws", () => {
    const r = rng(42);
    const alphabet = "{}[]<>@()'\"\\/-=!%|\n\r\t abcifelsndoratv.:;,&#";
    for (let i = 0; i < 3000; i++) {
      const len = Math.floor(r() * 80);
      let s = "";
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(r() * alphabet.length)];
      expect(() => parseTemplate(s, { file: "pages/f.ef", kind: i % 2 ? "page" : "component" })).not.toThrow();
    }
    for (let i = 0; i < 300; i++) {
      const s = randomPage(Math.floor(r() * 400), i);
      expect(() => parseTemplate(s, { file: "pages/f.ef", kind: "page" })).not.toThrow();
    }
  });

  it("random pages give well-formed trees", () => {
    for (let i = 0; i < 300; i++) {
      const src = randomPage(300, 1000 + i);
      const r = parseTemplate(src, { file: "pages/f.ef", kind: "page" });
      const walk = (nodes: Node[], lo: number, hi: number) => {
        let last = lo;
        for (const n of nodes) {
          expect(n.span.start).toBeGreaterThanOrEqual(last);
          expect(n.span.end).toBeLessThanOrEqual(hi);
          if (n.kind === "text") { expect(n.value).not.toBe(""); last = n.span.end; }
          if (n.kind === "output") expect(src.slice(n.expr.start, n.expr.start + n.expr.text.length)).toBe(n.expr.text);
          if (n.kind === "if" && n.form === "directive") for (const b of n.branches) walk(b.body, n.span.start, n.span.end);
          if (n.kind === "foreach" || n.kind === "block") walk(n.body, n.span.start, n.span.end);
          if (n.kind !== "text") last = n.kind === "if" && n.form === "v-if" ? n.span.end : last;
        }
      };
      walk(r.ast.nodes, 0, src.length);
      for (const s of r.ast.scripts) expect(src.slice(s.contentStart, s.contentStart + s.content.length)).toBe(s.content);
    }
  });

  it("HTML without template syntax is output unchanged (minus the final line break)", () => {
    const r = rng(7);
    const bits = ["<div class=\"a\">", "</div>", "<p>", "</p>", "<br/>", "text", " ", "\n", "<script>var a = 1 < 2;</script>", "<style>a{b:c}</style>", "<!-- c -->", "&amp;", "'", "\""];
    for (let i = 0; i < 200; i++) {
      let src = "";
      for (let j = 0; j < 40; j++) src += bits[Math.floor(r() * bits.length)];
      const out = parseTemplate(src, { file: "pages/h.ef", kind: "page" }).ast.nodes.map((n) => (n.kind === "text" ? n.value : "")).join("");
      expect(out).toBe(src.endsWith("\n") ? src.slice(0, -1) : src);
    }
  });

  it("text nodes reproduce the source when nothing is stripped", () => {
    const src = "<p>plain & simple</p>\n<a href=\"/x\">y</a>";
    const r = parseTemplate(src, { file: "pages/p.ef", kind: "page" });
    expect(r.ast.nodes.map((n) => (n.kind === "text" ? n.value : "")).join("")).toBe(src);
  });
});
