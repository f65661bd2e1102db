// Whitespace rules of SPEC §3.3 as input → rendered output tables (rule 1: final terminator; rule 2: standalone
// stripped tags), including CRLF and CR files, comments, backend scripts and the tags that are never stripped.
import { describe, expect, it } from "vitest";
import { render } from "./helpers.js";

describe("§3.3 whitespace", () => {
  it.each([
    ["final \\n dropped", "a\n", {}, "a"],
    ["only one final terminator dropped", "a\n\n", {}, "a\n"],
    ["final \\r\\n dropped", "a\r\n", {}, "a"],
    ["final \\r dropped", "a\r", {}, "a"],
    ["standalone @if/@endif lines", "x\n  @if(a)  \nA\n\t@endif\ny", { a: true }, "x\nA\ny"],
    ["CRLF standalone lines", "@if(a)\r\nA\r\n@endif\r\n", { a: true }, "A\r\n"],
    ["CR standalone lines", "@if(a)\rA\r@endif\r", { a: true }, "A\r"],
    ["standalone at end of template", "A\n@set(x = 1)", {}, "A\n"],
    ["standalone comment", "a\n  {{-- c --}}\nb", {}, "a\nb"],
    ["multi-line comment", "a\n{{-- c\nd --}}  \nb", {}, "a\nb"],
    ["inline comment keeps its line", "a {{-- c --}}\nb", {}, "a \nb"],
    ["standalone backend script", "a\n<script scope=backend>\nx\n</script>\nb", {}, "a\nb"],
    ["@component is never stripped", "@component(\"c\")\nb", {}, "[c]\nb"],
    ["@yield is never stripped", "@yield(\"y\")\nb", {}, "\nb"],
    ["output tags are never stripped", "{{ '' }}\nb", {}, "\nb"],
    ["empty output tag keeps its line", "{{ }}\nb", {}, "\nb"],
    ["two tags on one line are not standalone", "@if(a) @endif\nb", { a: true }, " \nb"],
    ["@else standalone inside", "@if(a)\nA\n@else\nB\n@endif\n", { a: false }, "B\n"],
    ["@foreach lines", "<ul>\n@foreach(i in [1, 2])\n  <li>{{ i }}</li>\n@endforeach\n</ul>", {}, "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>"],
    ["@block/@endblock lines", "@block(\"b\")\nB\n@endblock\n", {}, "B\n"],
    ["@verbatim lines", "@verbatim\n{{ x }}\n@endverbatim\n", {}, "{{ x }}\n"],
    ["session directives", "@setSessionItem('k', 1)\n@clearSessionItem('k')\nx", {}, "x"],
    ["conflict-marker lines are never output", "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> main\nd", {}, "a\nb\nc\nd"],
  ] as Array<[string, string, Record<string, unknown>, string]>)("%s", (_, src, scope, out) => {
    expect(render(src, scope)).toBe(out);
  });
});
