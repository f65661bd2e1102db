// Source maps (SPEC §8.6): positions of errors thrown at run time map back to the original file, line and column.
import { describe, test, expect } from "vitest";
import { SourceMapConsumer } from "source-map-js";
import { bundle, run } from "./helpers.js";

/** The original position of the innermost bundle.js frame of an error's stack. */
function originalOf(error: unknown, map: object) {
  const m = /bundle\.js:(\d+):(\d+)/.exec(String((error as Error).stack));
  expect(m).not.toBeNull();
  const consumer = new SourceMapConsumer(map as never);
  const pos = consumer.originalPositionFor({ line: Number(m![1]), column: Number(m![2]) - 1 });
  return { source: pos.source, line: pos.line, column: pos.column === null ? null : pos.column + 1 };
}

const PAGE = [
  "{{-- efmeta:{\"slug\":\"a\"} --}}",            // 1
  "<script scope=\"backend\">",                    // 2
  "  import { boom } from \"./lib/boom.js\";",     // 3
  "  log('first');",                               // 4
  "</script>",                                     // 5
  "<h1>{{ var.x }}</h1>",                          // 6
  "<script scope=\"backend\">",                    // 7
  "  try { null; } catch (e) { log(e); }",         // 8
  "  const n = 1;",                                // 9
  "  if (request.fail) boom();",                   // 10
  "  log(n); undefinedThing.x = 1;",               // 11
  "</script>",                                     // 12
  "",
].join("\n");
const LIB = "// efmeta:{\"code\":\"lib/boom\"}\nexport function boom() {\n  throw new Error('module boom');\n}\n";

describe("source maps", () => {
  const r = bundle({ "pages/a.ef": PAGE }, { "scripts/lib/boom.js": LIB });

  test("map lists site-relative sources with their content", () => {
    expect(r.diagnostics).toEqual([]);
    expect(r.map.version).toBe(3);
    expect([...r.map.sources].sort()).toEqual(["pages/a.ef", "scripts/lib/boom.js"]);
    expect(r.map.sourcesContent[r.map.sources.indexOf("pages/a.ef")]).toBe(PAGE);
    expect(r.map.sourcesContent[r.map.sources.indexOf("scripts/lib/boom.js")]).toBe(LIB);
    expect(r.sources).toEqual(["pages/a.ef", "scripts/lib/boom.js"]);
  });

  test("an error in the second block of a unit maps to the page's line and column", async () => {
    const out = await run(r.code, { request: { fail: false } });
    expect(out.log).toEqual(["first", 1]);
    expect(originalOf(out.error, r.map)).toEqual({ source: "pages/a.ef", line: 11, column: 11 });
  });

  test("an error in a module maps to the module file", async () => {
    const out = await run(r.code, { request: { fail: true } });
    expect((out.error as Error).message).toBe("module boom");
    expect(originalOf(out.error, r.map)).toEqual({ source: "scripts/lib/boom.js", line: 3, column: 9 });
  });

  test("every mapped generated position of user code maps back to identical text", () => {
    const consumer = new SourceMapConsumer(r.map as never);
    const genLines = r.code.split("\n");
    let checked = 0;
    consumer.eachMapping((m) => {
      if (m.source === null) return;
      const content = r.map.sourcesContent[r.map.sources.indexOf(m.source)].split("\n");
      const g = genLines[m.generatedLine - 1][m.generatedColumn];
      const o = content[m.originalLine - 1][m.originalColumn];
      if (g !== undefined && o !== undefined && /[A-Za-z]/.test(o)) { expect(g).toBe(o); checked++; }
    });
    expect(checked).toBeGreaterThan(50);
  });
});
