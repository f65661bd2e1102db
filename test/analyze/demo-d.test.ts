// SPEC §10.4: `pagec check demo-d` output, compared entry by entry (PC3100 belongs to the type checker and is
// skipped), and the worked-example sites that must check clean.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSite } from "../../compiler/index.js";

interface Entry { severity: string; code: string; message: string; at: string; helps: string[] }

function parseExpected(text: string): Entry[] {
  const out: Entry[] = [];
  let cur: Entry | null = null;
  for (const line of text.split("\n")) {
    const head = /^(error|warning|info)\[(PC\d{4})\]: (.*)$/.exec(line);
    if (head) { cur = { severity: head[1], code: head[2], message: head[3], at: "", helps: [] }; out.push(cur); continue; }
    const loc = /^\s*--> (.*)$/.exec(line);
    if (loc && cur) { cur.at = loc[1]; continue; }
    const help = /^\s*= help: (.*)$/.exec(line);
    if (help && cur) cur.helps.push(help[1]);
  }
  return out;
}

describe("demo-d (SPEC §10.4)", () => {
  it("reports exactly the expected diagnostics, in order", async () => {
    const expected = parseExpected(readFileSync("test/fixtures/spec-sites/demo-d.expected.txt", "utf8")).filter((e) => e.code !== "PC3100");
    const { diagnostics } = await checkSite("test/fixtures/spec-sites/demo-d");
    const actual: Entry[] = diagnostics.filter((d) => d.code !== "PC3100").map((d) => ({
      severity: d.severity, code: d.code, message: d.message, at: `${d.file}:${d.start.line}:${d.start.column}`, helps: d.suggestions.map((s) => s.title),
    }));
    expect(actual).toEqual(expected);
    expect(expected.length).toBe(20);
  });

  it("the PC2001 finding carries the exact range and fix of the JSON example", async () => {
    const { diagnostics } = await checkSite("test/fixtures/spec-sites/demo-d");
    const d = diagnostics.find((x) => x.code === "PC2001")!;
    expect(d.range).toEqual({ start: { line: 12, character: 7 }, end: { line: 12, character: 15 } });
    expect(d.end).toEqual({ line: 13, column: 16 });
    expect(d.suggestions).toEqual([{ title: "replace with `var.greeting`", edits: [{ file: "pages/broken.ef", range: d.range, newText: "var.greeting" }] }]);
  });
});

describe("worked-example sites check clean", () => {
  for (const dir of ["test/fixtures/spec-sites/fittrack", "test/fixtures/spec-sites/hilltop", "test/fixtures/spec-sites/members", "examples/weight-tracker", "examples/storefront"]) {
    it(dir, async () => {
      const { diagnostics } = await checkSite(dir);
      const found = diagnostics.filter((d) => d.code !== "PC3100" && d.severity !== "info").map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column} ${d.message}`);
      expect(found).toEqual([]);
    });
  }
});
