// The code-offset view of a file's MagicString, used to let the schema precompiler edit multi-block units.
import { test, expect } from "vitest";
import MagicString from "magic-string";
import { codeOffsetView } from "../../compiler/bundle/mapped-string.js";
import { parseUnit } from "../../compiler/bundle/index.js";
import { unit } from "./helpers.js";

test("edits given in joined-code offsets land on the right file offsets", () => {
  const text = `<p>a</p><script scope="backend">const a = 1;</script><p>b</p><script scope="backend">const b = Schema.string();</script>`;
  const { unit: u } = parseUnit(unit("pages/a.ef", text));
  const s = new MagicString(text);
  const view = codeOffsetView(s, u!.toFileOffset);
  const start = u!.code.indexOf("Schema.string()");
  const chained = view.overwrite(start, start + "Schema.string()".length, "__pc.schema(0)");
  expect(chained).toBe(view);
  view.appendLeft(u!.code.indexOf("1;"), "+");
  expect(view.slice(u!.code.indexOf("const b"), u!.code.indexOf("const b") + 7)).toBe("const b");
  expect(s.toString()).toContain("const a = +1;");
  expect(s.toString()).toContain("const b = __pc.schema(0);");
  expect(view.toString()).toBe(s.toString());
});
