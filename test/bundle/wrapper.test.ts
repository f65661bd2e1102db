// The optional <script scope="backend"> wrapper around a whole module file (SPEC §4.2, extension).
import { test, expect } from "vitest";
import { moduleSegment } from "../../compiler/bundle/source-text.js";
import { parseModule } from "../../compiler/bundle/index.js";

test.each([
  ["<script scope=\"backend\">X</script>", "X"],
  ["// efmeta:{}\n<SCRIPT Scope='Backend' data-x>X</script >\n", "X"],
  ["/* c */ <script type=\"text/javascript\" scope=backend>X</Script>\n// trailing\n", "X"],
  ["<script scope=\"backend\">X</script>\nconst y = 1;", null],
  ["<script scope=\"frontend\">X</script>", null],
  ["const a = '<script scope=\"backend\">';", null],
  ["<script scope=\"backend\">X", null],
  ["/* unterminated", null],
])("%j", (text, content) => {
  const seg = moduleSegment(text);
  expect(text.slice(seg.start, seg.end)).toBe(content ?? text);
});

test("diagnostics inside a wrapped module point into the file", () => {
  const r = parseModule({ file: "scripts/w.js", text: "// efmeta:{}\n<script scope=\"backend\">\nconst x = ;\n</script>\n" });
  expect(r.module).toBeNull();
  expect(r.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.message}`)).toEqual(["3:11 backend script does not parse: Unexpected token"]);
});
