// Runtime semantics of the generated bundle (SPEC §4.1, §4.2), evaluated in node:vm with a stub prelude.
import { describe, test, expect } from "vitest";
import { bundle, run, unit } from "./helpers.js";
import { parseUnit } from "../../compiler/bundle/index.js";

const page = (...blocks: string[]) => blocks.map((b, i) => `<p>${i}</p>\n<script scope="backend">${b}</script>\n`).join("<div>x</div>\n");

async function runOk(pages: Record<string, string>, scripts: Record<string, string> = {}) {
  const r = bundle(pages, scripts);
  expect(r.diagnostics).toEqual([]);
  expect(r.ok).toBe(true);
  return run(r.code);
}

describe("units", () => {
  test("blocks of one file are joined in document order with one \\n", async () => {
    const text = page("log(1);", "log(2);", "log(3);");
    const { unit: u } = parseUnit(unit("pages/a.ef", text));
    expect(u!.code).toBe("log(1);\nlog(2);\nlog(3);");
    expect((await runOk({ "pages/a.ef": text })).log).toEqual([1, 2, 3]);
  });

  test("blocks share one scope within a file", async () => {
    expect((await runOk({ "pages/a.ef": page("const x = 40;", "log(x + 2);") })).log).toEqual([42]);
  });

  test("units of the layout chain run outermost first, each in its own scope", async () => {
    const out = await runOk({ "pages/layout.ef": page("const x = 'layout'; log(x);"), "pages/child.ef": page("const x = 'child'; log(x);") });
    expect(out.log).toEqual(["layout", "child"]);
  });

  test("files without blocks are skipped", async () => {
    const r = bundle({ "pages/layout.ef": "<p>no script</p>", "pages/child.ef": page("log(1);") });
    expect(r.sources).toEqual(["pages/child.ef"]);
    expect((await run(r.code)).log).toEqual([1]);
  });

  test("top-level return ends the unit; later units still run", async () => {
    const out = await runOk({ "pages/layout.ef": page("log('a'); if (true) return; log('b');"), "pages/child.ef": page("log('c');") });
    expect(out.log).toEqual(["a", "c"]);
  });

  test("top-level await", async () => {
    expect((await runOk({ "pages/a.ef": page("log(await Promise.resolve(3)); for await (const v of [4]) log(v);") })).log).toEqual([3, 4]);
  });

  test("`this` is undefined at the top level and code is strict", async () => {
    const out = await runOk({ "pages/a.ef": page("log(this === undefined); try { undeclared = 1; } catch (e) { log(e.name); }") });
    expect(out.log).toEqual([true, "ReferenceError"]);
  });

  test("an uncaught error ends the script phase", async () => {
    const out = await run(bundle({ "pages/l.ef": page("log(1); null.x;"), "pages/c.ef": page("log(2);") }).code);
    expect(out.log).toEqual([1]);
    expect((out.error as Error).name).toBe("TypeError");
  });
});

describe("terminal calls and catch", () => {
  const cases: [string, string, unknown[]][] = [
    ["catch (e)", "try { halt(); } catch (e) { log('caught'); } log('after');", []],
    ["catch without binding", "try { halt(); } catch { log('caught'); } log('after');", []],
    ["destructuring catch", "try { halt(); } catch ({ message }) { log('caught'); } log('after');", []],
    ["nested function", "function f() { try { halt(); } catch (e) { log('inner'); } } try { f(); } catch (e) { log('outer'); }", []],
    ["finally still runs", "try { halt(); } finally { log('finally'); }", ["finally"]],
  ];
  test.each(cases)("%s: no catch block is entered", async (_n, code, expected) => {
    const out = await run(bundle({ "pages/a.ef": page(code), "pages/b.ef": page("log('later unit');") }).code);
    expect(out.halted).toBe(true);
    expect(out.log).toEqual(expected);
  });

  test("ordinary errors are still caught", async () => {
    const out = await runOk({ "pages/a.ef": page("try { null.x; } catch (e) { log(e.name); } try { throw { message: 'm' }; } catch ({ message }) { log(message); } try { throw 1; } catch { log('bare'); }") });
    expect(out.log).toEqual(["TypeError", "m", "bare"]);
  });

  test("a terminal call inside a module function is not caught by the page", async () => {
    const out = await run(bundle({ "pages/a.ef": page("import { guard } from 'g'; try { guard(); } catch (e) { log('caught'); }") },
      { "scripts/g.js": "export function guard() { try { halt(); } catch (e) { log('module caught'); } }" }).code);
    expect(out.halted).toBe(true);
    expect(out.log).toEqual([]);
  });
});
