// PC3001–PC3006 and PC3032 (SPEC §7.3.3): exact messages, files and line:column ranges.
import { describe, test, expect } from "vitest";
import { bundle } from "./helpers.js";
import { resolveSpecifier } from "../../compiler/bundle/index.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";

const brief = (d: Diagnostic) => `${d.code} ${d.file}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.message}`;
const list = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.map(brief);

const FORMAT = "// efmeta:{\"code\":\"format\"}\nexport function money(n) {\n  return '$' + Number(n).toFixed(2);\n}\n";

describe("diagnostics", () => {
  test("PC3003 from Example D, at 3:12", () => {
    const text = "{{-- efmeta:{\"slug\":\"broken\"} --}}\n<script scope=\"backend\">\n  import { cents } from \"format\";\n  setVariable('greeting', 'Hello');\n</script>\n";
    const r = bundle({ "pages/broken.ef": text }, { "scripts/format.js": FORMAT });
    expect(list(r)).toEqual(["PC3003 pages/broken.ef:3:12-3:17 module `format` has no export named `cents`"]);
    expect(r.diagnostics[0].suggestions).toEqual([]);
    expect(r.ok).toBe(false);
  });

  test("PC3003 suggests the closest export, and reports a missing default", () => {
    const r = bundle({ "pages/a.ef": "<script scope=\"backend\">import mon, { mony } from 'format';</script>" }, { "scripts/format.js": FORMAT });
    expect(list(r)).toEqual([
      "PC3003 pages/a.ef:1:32-1:35 module `format` has no default export",
      "PC3003 pages/a.ef:1:39-1:43 module `format` has no export named `mony`",
    ]);
    expect(r.diagnostics[1].suggestions).toEqual([{ title: "replace with `money`", edits: [{ file: "pages/a.ef", range: { start: { line: 0, character: 38 }, end: { line: 0, character: 42 } }, newText: "money" }] }]);
  });

  test.each([
    ["let x = ;", "PC3001 pages/a.ef:4:9-4:10 backend script does not parse: Unexpected token"],
    ["const a = 1;\nconst a = 2;", "PC3001 pages/a.ef:5:7-5:8 backend script does not parse: Identifier 'a' has already been declared"],
  ])("PC3001 in the second block: %s", (code, expected) => {
    const text = `<script scope="backend">log(1);</script>\n<p>x</p>\n<script scope="backend">\n${code}\n</script>\n`;
    const r = bundle({ "pages/a.ef": text });
    expect(list(r)).toEqual([expected]);
    expect(r.ok).toBe(false);
  });

  test("PC3001 in a module is reported in the module file", () => {
    const r = bundle({ "pages/a.ef": "<script scope=\"backend\">import 'm';</script>" }, { "scripts/m.js": "// efmeta\nexport const = 1;\n" });
    expect(list(r)).toEqual(["PC3001 scripts/m.js:2:14-2:15 backend script does not parse: Unexpected token"]);
  });

  test.each([
    ["fs", "PC3002 pages/a.ef:2:19-2:23 cannot find module `fs` (expected scripts/fs.js)"],
    ["https://x.com/a.js", "PC3002 pages/a.ef:2:19-2:39 cannot find module `https://x.com/a.js` (expected scripts/https://x.com/a.js)"],
    ["/etc/passwd", "PC3002 pages/a.ef:2:19-2:32 cannot find module `/etc/passwd` (expected scripts//etc/passwd.js)"],
  ])("PC3002 for %s", (spec, expected) => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">\nimport { a } from "${spec}";\n</script>` });
    expect(list(r)).toEqual([expected]);
  });

  test("PC3002 suggests the closest module code", () => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">import { x } from "./validatrs.js";</script>` }, {}, { moduleCodes: ["validators", "auth"] });
    expect(list(r)).toEqual(["PC3002 pages/a.ef:1:43-1:59 cannot find module `./validatrs.js` (expected scripts/validatrs.js)"]);
    expect(r.diagnostics[0].suggestions[0].title).toBe('replace with `"validators"`');
    expect(r.diagnostics[0].suggestions[0].edits[0].newText).toBe('"validators"');
  });

  test("PC3004 at the first declaration beyond the limit", () => {
    const text = `<script scope="backend">\nimport 'a';\nimport 'b';\nimport 'c';\nimport 'a';\n</script>`;
    const r = bundle({ "pages/a.ef": text }, { "scripts/a.js": "", "scripts/b.js": "", "scripts/c.js": "" }, { maxImports: 2 });
    expect(list(r)).toEqual(["PC3004 pages/a.ef:4:1-4:12 too many imports in this file: 4 (the limit is 2)"]);
  });

  test("PC3005 at the specifier that closes the cycle", () => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">import 'a';</script>` },
      { "scripts/a.js": "import 'b';\nexport const a = 1;", "scripts/b.js": "// b\nimport { a } from \"./a.js\";" });
    expect(list(r)).toEqual(["PC3005 scripts/b.js:2:19-2:27 import cycle: a → b → a"]);
    const self = bundle({ "pages/a.ef": `<script scope="backend">import 's';</script>` }, { "scripts/s.js": "import 's';" });
    expect(list(self)).toEqual(["PC3005 scripts/s.js:1:8-1:11 import cycle: s → s"]);
  });

  test.each([
    ["const m = await import('x');", "1:17-1:28", "dynamic `import()`"],
    ["export * from 'x';", "1:1-1:19", "`export * from`"],
    ["export { a } from 'x';", "1:1-1:23", "`export { … } from`"],
    ["log(import.meta.url);", "1:5-1:16", "`import.meta`"],
    ["import d from 'ok' with { type: 'json' };", "1:20-1:41", "import attributes (`with { … }`)"],
  ])("PC3006 in a unit: %s", (code, range, construct) => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">\n${code}\n</script>` }, { "scripts/ok.js": "export default 1;" });
    const [a, b] = range.split("-");
    const shift = (p: string) => p.replace(/^1:/, "2:");
    expect(list(r)).toEqual([`PC3006 pages/a.ef:${shift(a)}-${shift(b)} ${construct} is not supported in backend scripts`]);
  });

  test("PC3006 for top-level return in a module only (not inside functions, not in units)", () => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">import 'm'; if (x) return;</script>` },
      { "scripts/m.js": "function f() { return 1; }\nif (f()) {\n  return;\n}\n" });
    expect(list(r)).toEqual(["PC3006 scripts/m.js:3:3-3:10 top-level `return` in a module is not supported in backend scripts"]);
  });

  test("PC3032 at the import that exceeds the limit", () => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">\nimport 'a';\nimport 'b';\n</script>` },
      { "scripts/a.js": "import 'c';", "scripts/b.js": "", "scripts/c.js": "" }, { maxModulesPerPage: 2 });
    expect(list(r)).toEqual(["PC3032 pages/a.ef:3:1-3:12 this page uses 3 modules (the limit is 2)"]);
  });

  test("a clean page has no diagnostics and ok", () => {
    const r = bundle({ "pages/a.ef": `<script scope="backend">import { money } from "format"; log(money(1));</script>` }, { "scripts/format.js": FORMAT });
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe("specifier resolution never leaves scripts/", () => {
  test.each([
    ["./validators.js", "validators"],
    ["validators", "validators"],
    ["utils/helpers", "utils/helpers"],
    ["../../other/x", "other/x"],
    ["./../.././a.js", "a"],
    ["fs", "fs"],
    ["https://x.com/a.js", null],
    ["/abs/path", null],
    ["a/../../b", null],
    ["a/./b", null],
    ["..", null],
    ["../", null],
    ["..\\x", null],
    ["{code}", null],
    ["", null],
  ])("%j → %j", (spec, code) => expect(resolveSpecifier(spec)).toBe(code));

  test("../../x asks only for scripts/x.js", () => {
    const asked: string[] = [];
    bundlePageAsking(asked);
    expect(asked).toEqual(["other/x"]);
  });
});

import { bundlePage } from "../../compiler/bundle/index.js";
import { unit } from "./helpers.js";
function bundlePageAsking(asked: string[]) {
  return bundlePage({
    slug: "s", units: [unit("pages/a.ef", `<script scope="backend">import "../../other/x"; import "../../../etc/passwd.js/..";</script>`)],
    readModule: (code) => { asked.push(code); return null; }, maxImports: 10, maxModulesPerPage: 50, precompileSchemas: false,
  });
}
