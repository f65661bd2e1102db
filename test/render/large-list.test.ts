// A 1,000-row list page renders correctly (the same workload the render benchmark times).
import { describe, it, expect } from "vitest";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderSample } from "./render-harness.js";

describe("1,000-row list", () => {
  it("renders every row, escaped, with loop metadata", () => {
    const site = mkdtempSync(join(tmpdir(), "pagec-list-"));
    mkdirSync(join(site, "pages"));
    writeFileSync(join(site, "pages/index.ef"), "<table>\n@foreach(row in var.rows)\n<tr class=\"{{ loop.index % 2 == 0 ? 'even' : 'odd' }}\"><td>{{ row.id }}</td><td>{{ row.name | upper }}</td></tr>\n@endforeach\n</table>\n");
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: i, name: `<item ${i} & "co">` }));
    const r = renderSample(site, { set: { rows } });
    const expected = "<table>\n" + rows.map((row, i) => `<tr class="${i % 2 === 0 ? "even" : "odd"}"><td>${row.id}</td><td>&lt;ITEM ${i} &amp; &quot;CO&quot;&gt;</td></tr>\n`).join("") + "</table>";
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.html).toBe(expected);
  });
});
