// The analysis never throws on user input (brief: collect diagnostics and keep going): deep nesting, broken
// files, odd but valid JavaScript, and random template/script soup.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { check, own } from "./helpers.js";

describe("robustness", () => {
  it("deeply nested templates and scripts", () => {
    const deepIf = "@if(a)".repeat(3000) + "{{ x }}" + "@endif".repeat(3000);
    const deepLoop = "@foreach(i in [1])".repeat(2000) + "{{ i }}" + "@endforeach".repeat(2000);
    const deepJs = "const v = " + "[".repeat(2000) + "1" + "]".repeat(2000) + ";\nconst f = " + "() => ".repeat(1500) + "fetch;\n";
    const list = check({
      "pages/a.ef": deepIf + "\n",
      "pages/b.ef": deepLoop + "\n",
      "pages/c.ef": `<script scope="backend">\n${deepJs}</script>\n`,
    });
    expect(list.some((d) => d.code === "PC2003" && d.file === "pages/a.ef")).toBe(true);
    expect(list.filter((d) => d.code === "PC2010" && d.file === "pages/b.ef").length).toBe(1999);
  });

  it("unusual but valid JavaScript is analysed without false PC3007s", () => {
    const js = [
      "export {};",
      "const { a = 1, ...rest } = request.query; [a, rest];",
      "let x; ({ x = 2 } = {}); [x] = [3];",
      "class A { #p = 1; static { const q = A; q; } get v() { return this.#p; } }",
      "async function* gen() { yield* [1]; for await (const z of gen()) z; }",
      "const tag = (s) => s; tag`a${1}b`;",
      "try { throw new Error('x'); } catch { } finally { }",
      "const o = { async m() { await 1; }, [Symbol.iterator]: null, get g() { return 1; } };",
      "label: { break label; }",
      "const n = 10n ** 2n; const r = /a\\{\\{/u; const opt = request?.body?.x ?? null;",
      "new.target; typeof undefinedOnPurpose;",
    ].join("\n");
    const all = check({ "pages/a.ef": `<script scope="backend">\nfunction wrap() {\n${js.replace("export {};\n", "")}\n}\nwrap(); nope();\n</script>\n` });
    expect(all.filter((d) => d.code === "PC3001")).toEqual([]);
    expect(own(all).map((d) => `${d.code} ${d.message}`)).toEqual(["PC3007 `nope` does not exist in the backend-script sandbox: it is not declared in this file and is not a pagec global"]);
  });

  it("random template and script soup", () => {
    const piece = fc.constantFrom(
      "{{ ", " }}", "@if(", "@foreach(", "x in y", ")", "@endif", "@endforeach", "@set(", "a = 1", "@component(\"c\", ", "{ k: 1 }",
      "<script>", "</script>", "<style>", "<script scope=\"backend\">", "setVariable(", "'k'", "redirect(", "getCrmField(", "{ slug: 'x' }",
      "var.", "loop", "request.merchant_code", "|", "json", "raw", "GetCrmField(", "\n", "'", "\"", "{", "}", "[", "]", ",", "@block(\"b\")", "@endblock",
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), fc.array(piece, { maxLength: 20 }), (a, b) => {
      check({ "pages/p.ef": a.join(""), "components/c.ef": b.join(""), "scripts/m.js": b.join("") });
    }), { numRuns: 60 });
  });
});
