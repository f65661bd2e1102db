// Short fuzz run (SECURITY-TESTS G1): mutated example pages through the template parser and the whole-file
// check, and generated expressions through parse + codegen. The long run is scripts/fuzz.mjs.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseTemplate } from "../../compiler/template/parse.js";
import { parseExpression } from "../../compiler/expr/parse.js";
import { compileExpression } from "../../compiler/expr/codegen.js";
import { checkSource } from "../../compiler/index.js";
// @ts-expect-error plain JavaScript helper shared with scripts/fuzz.mjs
import { loadSeeds, mutatedPage, expressionText, checkTemplate, checkWhole, checkExpression } from "./props.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const api = { parseTemplate, parseExpression, compileExpression, checkSource };
const seeds = loadSeeds(root);
let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), "pagec-fuzz-"));
  mkdirSync(join(site, "pages"));
  writeFileSync(join(site, "site.json"), JSON.stringify({ id: "fuzz", typeCheck: "off" }));
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe("fuzz (short budget)", () => {
  it("has seeds from examples/ and the spec sites", () => {
    expect(seeds.length).toBeGreaterThan(10);
  });

  it("template parser: no throw, under 1 s per file, ranges inside the file", () => {
    fc.assert(fc.property(mutatedPage(fc, seeds), (text: string) => {
      const problem = checkTemplate(api, text, 1000);
      if (problem) throw new Error(problem);
    }), { numRuns: 300, seed: 12 });
  });

  it("whole-file check (template + expressions + backend scripts): no throw, bounded, ranges inside", async () => {
    await fc.assert(fc.asyncProperty(mutatedPage(fc, seeds), async (text: string) => {
      const problem = await checkWhole(api, text, site, 3000);
      if (problem) throw new Error(problem);
    }), { numRuns: 150, seed: 7 });
  }, 60000);

  it("expressions: parse never throws; codegen output is valid JavaScript", () => {
    fc.assert(fc.property(expressionText(fc), (text: string) => {
      const problem = checkExpression(api, text);
      if (problem) throw new Error(problem);
    }), { numRuns: 2000, seed: 3 });
  });
});
