// Module semantics (SPEC §4.2): import/export forms, evaluation order, once per context, non-live bindings.
import { describe, test, expect } from "vitest";
import { bundle, run } from "./helpers.js";

const page = (code: string) => `<script scope="backend">${code}</script>`;

async function runOk(pages: Record<string, string>, scripts: Record<string, string>) {
  const r = bundle(pages, scripts);
  expect(r.diagnostics).toEqual([]);
  return run(r.code);
}

describe("modules", () => {
  test("two levels deep: each evaluated once, depth-first in import order, before the importer", async () => {
    const scripts = {
      "scripts/a.js": "import { c } from 'c'; log('a'); export const a = 'A' + c;",
      "scripts/b.js": "import { c } from './c.js'; log('b'); export const b = 'B' + c;",
      "scripts/c.js": "log('c'); export const c = 'C';",
    };
    const out = await runOk({
      "pages/layout.ef": page("import { a } from 'a'; import { b } from 'b'; log(a + b);"),
      "pages/child.ef": page("import { c } from 'c'; log('child ' + c);"),
    }, scripts);
    expect(out.log).toEqual(["c", "a", "b", "ACBC", "child C"]);
  });

  test("imports are hoisted: modules run before any statement of the unit", async () => {
    const out = await runOk({ "pages/a.ef": page("log('page'); import 'm';") }, { "scripts/m.js": "log('m');" });
    expect(out.log).toEqual(["m", "page"]);
  });

  test("side-effect imports run the module once", async () => {
    const out = await runOk({ "pages/a.ef": page("import 'm'; import './m.js'; log('page');") }, { "scripts/m.js": "log('m');" });
    expect(out.log).toEqual(["m", "page"]);
  });

  test("bindings are not live: values as they stand when the module finishes", async () => {
    const out = await runOk({ "pages/a.ef": page("import { n, inc } from 'm'; import * as ns from 'm'; inc(); log(n); log(ns.n); log(Object.isFrozen(ns)); try { n = 5; } catch (e) { log(e.name); }") },
      { "scripts/m.js": "export let n = 1; export function inc() { n++; } n = 2;" });
    expect(out.log).toEqual([2, 2, true, "TypeError"]);
  });

  test("every export form", async () => {
    const m = [
      "export const k = 'const';",
      "export let l = 'let';",
      "export var v = 'var';",
      "export const { d1, d2: [d3] } = { d1: 'd1', d2: ['d3'] };",
      "export function f() { return 'function'; }",
      "export async function af() { return 'async'; }",
      "export class C { get x() { return 'class'; } }",
      "const hidden = 'renamed'; export { hidden as shown, k as k2 };",
      "export default 'default-expr';",
    ].join("\n");
    const out = await runOk({ "pages/a.ef": page(
      "import def, { k, l, v, d1, d3, f, af, C, shown, k2 } from 'm';" +
      "log([def, k, l, v, d1, d3, f(), await af(), new C().x, shown, k2].join(','));") }, { "scripts/m.js": m });
    expect(out.log).toEqual(["default-expr,const,let,var,d1,d3,function,async,class,renamed,const"]);
  });

  test.each([
    ["default named function", "export default function named() { return 'nf'; }", "def()", "nf"],
    ["default anonymous function", "export default function () { return 'af'; }", "def()", "af"],
    ["default class", "export default class { get x() { return 'dc'; } }", "new def().x", "dc"],
    ["default object expression", "export default { x: 'obj' }", "def.x", "obj"],
    ["export { x as default }", "const x = 'alias'; export { x as default };", "def", "alias"],
  ])("%s", async (_n, mod, expr, value) => {
    const out = await runOk({ "pages/a.ef": page(`import def from 'm'; log(${expr});`) }, { "scripts/m.js": mod });
    expect(out.log).toEqual([value]);
  });

  test("every import form", async () => {
    const out = await runOk({ "pages/a.ef": page([
      "import { a, b as bee } from 'm';",
      "import d from 'm';",
      "import d2, { a as a2 } from 'm';",
      "import * as ns from 'm';",
      "import d3, * as ns2 from 'm';",
      "import 'm';",
      "log([a, bee, d, d2, a2, ns.a, ns.default, d3, ns2.b, Object.keys(ns).join('|'), Object.getPrototypeOf(ns)].join(','));",
    ].join("\n")) }, { "scripts/m.js": "log('once'); export const a = 1, b = 2; export default 3;" });
    expect(out.log).toEqual(["once", "1,2,3,3,1,1,3,3,2,a|b|default,"]);
  });

  test("a module wrapped in <script scope=\"backend\"> is unwrapped; efmeta line is a comment", async () => {
    const out = await runOk({ "pages/a.ef": page("import { x } from 'w'; log(x);") },
      { "scripts/w.js": "// efmeta:{\"code\":\"w\"}\n<script scope=\"backend\">\nexport const x = 'wrapped';\n</script>\n" });
    expect(out.log).toEqual(["wrapped"]);
  });

  test("modules importing modules through ../ stay inside scripts/", async () => {
    const r = bundle({ "pages/a.ef": page("import { h } from '../../utils/helpers.js'; log(h);") }, {
      "scripts/utils/helpers.js": "import { base } from '../base.js'; export const h = base + 1;",
      "scripts/base.js": "export const base = 41;",
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.sources).toEqual(["pages/a.ef", "scripts/base.js", "scripts/utils/helpers.js"]);
    expect((await run(r.code)).log).toEqual([42]);
  });

  test("output is deterministic", () => {
    const args = [{ "pages/a.ef": page("import { x } from 'm'; log(x);") }, { "scripts/m.js": "export const x = 1;" }] as const;
    const a = bundle(args[0], args[1]);
    const b = bundle(args[0], args[1]);
    expect(a.code).toBe(b.code);
    expect(JSON.stringify(a.map)).toBe(JSON.stringify(b.map));
  });

  test("bundle shape: __pagec_define with the slug, one async function per unit", () => {
    const r = bundle({ "pages/a.ef": page("import { x } from 'validators';\nlog(x);") }, { "scripts/validators.js": "export const x = 1;" });
    expect(r.code.startsWith('__pagec_define("test", function (__pc) {\n  "use strict";\n  let __m0; const __load_m0 = () => (__m0 ??= (async () => {')).toBe(true);
    expect(r.code).toContain("return Object.freeze({ __proto__: null, x }); })());");
    expect(r.code).toContain("async function () { const { x } = await __load_m0();");
    expect(r.code.endsWith("  ];\n});\n")).toBe(true);
  });
});
