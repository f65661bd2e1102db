// Bundling never throws on user input, whatever the blocks' boundaries cut through, and is deterministic.
import { test, expect } from "vitest";
import fc from "fast-check";
import { bundlePage } from "../../compiler/bundle/index.js";
import type { ScriptBlock } from "../../compiler/template/ast.js";

const SCRIPT = [
  "import def, { a as b } from './m.js';",
  "import * as ns from 'm';",
  "export default function () {}",
  "export const { x, y: [z] } = { x: 1, y: [2] };",
  "try { f(); } catch ({ message, stack: [s] = [] }) { g(); }",
  "try { f(); } catch { g(); }",
  "const s = Schema.object({ a: Schema.string().min(1) });",
  "if (a) return;",
  "`template ${1 + 2}`; /* c */ // d",
].join("\n");
const MODULE = "export const a = 1; export default 2; try {} catch (e) {}";

/** Cuts `code` at the given positions into blocks separated by template text. */
function pageWithCuts(code: string, cuts: number[]): { text: string; blocks: ScriptBlock[] } {
  const points = [...new Set(cuts)].sort((p, q) => p - q);
  let text = "<p>head</p>";
  const blocks: ScriptBlock[] = [];
  let prev = 0;
  for (const p of [...points, code.length]) {
    const start = text.length + '<script scope="backend">'.length;
    const content = code.slice(prev, p);
    text += `<script scope="backend">${content}</script><i>t</i>`;
    blocks.push({ content, contentStart: start, startTag: { start: start - 24, end: start }, span: { start: start - 24, end: start + content.length + 9 }, insideConditional: null } as unknown as ScriptBlock);
    prev = p;
  }
  return { text, blocks };
}

test("bundlePage never throws, for any cut of the script into blocks", () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: SCRIPT.length }), { maxLength: 6 }), (cuts) => {
    const { text, blocks } = pageWithCuts(SCRIPT, cuts);
    const input = {
      slug: "p", units: [{ file: "pages/p.ef", text, blocks }],
      readModule: (code: string) => (code === "m" ? { file: "scripts/m.js", text: MODULE } : null),
      maxImports: 10, maxModulesPerPage: 50, precompileSchemas: true,
    };
    const r = bundlePage(input);
    expect(typeof r.code).toBe("string");
    expect(bundlePage(input).code).toBe(r.code);
    if (r.ok) new Function(r.code.replace(/^__pagec_define/, "void"));
  }), { numRuns: 300 });
});

test("garbage input produces diagnostics, not exceptions", () => {
  fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (page, mod) => {
    const text = `<script scope="backend">${page}</script>`;
    const r = bundlePage({
      slug: "p", units: [{ file: "pages/p.ef", text, blocks: [{ content: page, contentStart: 24 } as unknown as ScriptBlock] }],
      readModule: () => ({ file: "scripts/x.js", text: mod }), maxImports: 1, maxModulesPerPage: 1, precompileSchemas: true,
    });
    expect(Array.isArray(r.diagnostics)).toBe(true);
  }), { numRuns: 300 });
});
