// The diagnostics samples: each folder under samples/ is a small site; checkSite must report exactly its
// expected.json. FILTER=<substring> selects samples; UPDATE=1 rewrites expected.json (review every one by hand),
// except in samples with a spec-note.txt (expected.json written from the spec where the compiler differs; UPDATE=force).
// The fix round-trip applies each diagnostic's first suggestion to a temp copy and re-checks.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, Range } from "../../compiler/diagnostics/diagnostic.js";
import { SAMPLES_DIR, applySuggestion, checkDir, errorKey, reduce, sampleNames, tempCopy, type Expected } from "./sample-kit.js";

const FILTER = process.env.FILTER ?? "";
const FORCE = process.env.UPDATE === "force";
const UPDATE = process.env.UPDATE === "1" || FORCE;
const samples = sampleNames().filter((n) => n.includes(FILTER));

const before = (a: Range["start"], b: Range["start"]) => a.line < b.line || (a.line === b.line && a.character < b.character);
const touches = (r: Range, s: Range) => !before(r.end, s.start) && !before(s.end, r.start);

/** The region an edit occupies after it was applied (its start, spanning the inserted text on that line). */
function editedRegion(e: { range: Range; newText: string }): Range {
  const lines = e.newText.split(/\r\n|\r|\n/);
  const start = e.range.start;
  const end = lines.length === 1
    ? { line: start.line, character: start.character + lines[0].length }
    : { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
  return { start, end };
}

describe.each(samples)("%s", (sample) => {
  const dir = join(SAMPLES_DIR, sample);
  const expectedPath = join(dir, "expected.json");

  it("reports exactly expected.json", async () => {
    const actual = (await checkDir(dir)).map(reduce);
    if (UPDATE && (!existsSync(join(dir, "spec-note.txt")) || FORCE)) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + "\n");
    expect(existsSync(expectedPath), "expected.json is missing").toBe(true);
    const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as Expected[];
    expect(actual).toEqual(expected);
  });

  it("produces the code it is named for", () => {
    const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as Expected[];
    expect(expected.map((d) => d.code)).toContain(sample.slice(0, 6));
  });

  it("first suggestions fix their diagnostic without new errors", async () => {
    const found = await checkDir(dir);
    const errorsBefore = new Map<string, number>();
    for (const d of found) if (d.severity === "error") errorsBefore.set(errorKey(d), (errorsBefore.get(errorKey(d)) ?? 0) + 1);
    for (const d of found.filter((x) => x.suggestions.length)) {
      const copy = tempCopy(sample);
      const fix = d.suggestions[0];
      applySuggestion(copy, fix);
      const after = await checkDir(copy);
      const places = fix.edits.filter((e) => e.file === d.file).map(editedRegion);
      const still = after.filter((a: Diagnostic) => a.code === d.code && a.file === d.file &&
        ((a.range.start.line === d.range.start.line && a.range.start.character === d.range.start.character) || places.some((p) => touches(a.range, p))));
      expect(still.map(reduce), `${d.code} still reported after "${fix.title}"`).toEqual([]);
      const left = new Map(errorsBefore);
      const added = after.filter((a) => a.severity === "error").filter((a) => {
        const n = left.get(errorKey(a)) ?? 0;
        left.set(errorKey(a), n - 1);
        return n <= 0;
      });
      expect(added.map(reduce), `new errors after "${fix.title}"`).toEqual([]);
    }
  });
});
