// Render samples: each folder under samples/ is a small site plus input.json (optional) and expected.html.
// The page is compiled by the real pipeline and rendered on the host; the output must match byte for byte.
import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSample } from "./render-harness.js";

const root = join(import.meta.dirname, "samples");
const filter = process.env.FILTER;

describe("render samples", () => {
  for (const name of readdirSync(root).sort()) {
    if (filter && !name.includes(filter)) continue;
    it(name, () => {
      const dir = join(root, name);
      const input = existsSync(join(dir, "input.json")) ? JSON.parse(readFileSync(join(dir, "input.json"), "utf8")) : {};
      const r = renderSample(dir, input);
      const errors = r.diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => `${d.code} ${d.file}:${d.start.line}:${d.start.column} ${d.message}`)).toEqual([]);
      const expectedFile = join(dir, "expected.html");
      if (process.env.UPDATE === "1") writeFileSync(expectedFile, r.html);
      expect(r.html).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
