// Guards the diagnostics catalogue (SPEC §7.3): every code is well-formed, unique and in its range group, is
// produced by a sample folder and referenced by the compiler; every code the compiler or a sample names exists.
// Also checks the JSON (§7.4) and SARIF 2.1.0 outputs of `pagec check` on one sample, structurally.
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CATALOGUE, CODES } from "../../compiler/diagnostics/catalogue.js";
import { SAMPLES_DIR, checkDir, codeOf, sampleNames } from "./sample-kit.js";

const root = join(import.meta.dirname, "../..");
const compilerDir = join(root, "compiler");
const catalogueFile = join(compilerDir, "diagnostics/catalogue.ts");
const known = new Set<string>(Object.keys(CATALOGUE));
const GROUPS: Record<string, string> = { "1": "template syntax", "2": "template names", "3": "scripts", "5": "site" };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|mts|js|mjs)$/.test(n) ? [p] : [];
  });
}
const compilerSources = sourceFiles(compilerDir).filter((p) => p !== catalogueFile).map((p) => ({ path: p, text: readFileSync(p, "utf8") }));

describe("catalogue entries", () => {
  it("are PC\\d{4}, unique and in their range group", () => {
    const keys = [...readFileSync(catalogueFile, "utf8").matchAll(/^\s+(PC\w+):\s*\{/gm)].map((m) => m[1]);
    expect(keys.length).toBe(Object.keys(CATALOGUE).length);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i), "duplicate codes").toEqual([]);
    for (const code of keys) {
      expect(code, code).toMatch(/^PC\d{4}$/);
      expect(GROUPS[code[2]], `${code} is outside PC1xxx/PC2xxx/PC3xxx/PC5xxx`).toBeDefined();
    }
    expect(CODES).toEqual([...keys].sort());
  });

  it("each have a severity, title and message template", () => {
    for (const [code, e] of Object.entries(CATALOGUE)) {
      expect(["error", "warning", "info"], code).toContain(e.severity);
      expect(e.title.length, code).toBeGreaterThan(0);
      expect(e.template.length, code).toBeGreaterThan(0);
    }
  });

  it("are each referenced in compiler/ outside catalogue.ts", () => {
    const all = compilerSources.map((f) => f.text).join("\n");
    expect(CODES.filter((c) => !all.includes(c)), "codes no compiler source mentions").toEqual([]);
  });

  it("cover every code string in compiler/", () => {
    const unknown = compilerSources.flatMap((f) =>
      [...f.text.matchAll(/\bPC\d{4}\b/g)].map((m) => m[0]).filter((c) => !known.has(c)).map((c) => `${f.path.slice(root.length + 1)}: ${c}`));
    expect(unknown).toEqual([]);
  });
});

describe("sample folders", () => {
  const names = sampleNames();

  it("are named <CODE>-<short-name> after a catalogue code", () => {
    for (const n of names) {
      expect(n).toMatch(/^PC\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(known.has(codeOf(n)), `${n}: ${codeOf(n)} is not in the catalogue`).toBe(true);
    }
  });

  it("exist for every catalogue code", () => {
    const named = new Set(names.map(codeOf));
    expect(CODES.filter((c) => !named.has(c)), "codes without a sample folder").toEqual([]);
  });

  it("produce every catalogue code when checked", async () => {
    const produced = new Set<string>();
    for (const n of names) for (const d of await checkDir(join(SAMPLES_DIR, n))) produced.add(d.code);
    expect(CODES.filter((c) => !produced.has(c)), "codes no sample produces").toEqual([]);
  }, 120000);
});

describe("pagec check output formats", () => {
  const sample = join(SAMPLES_DIR, "PC2001-missing-var-prefix");
  const bin = join(root, "bin/pagec.mjs");
  const run = (format: string) => spawnSync(process.execPath, [bin, "check", sample, "--format", format], { encoding: "utf8", cwd: root });
  beforeAll(() => { execFileSync(process.execPath, [join(root, "scripts/build.mjs")]); }, 120000);

  it("--format json follows SPEC §7.4", async () => {
    const r = run("json");
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout.endsWith("}\n")).toBe(true);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(["diagnostics", "site", "summary", "tool", "version"]);
    expect(doc.version).toBe(1);
    expect(doc.tool.name).toBe("pagec");
    expect(doc.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.site).toBe(sample);
    expect(doc.diagnostics).toEqual(JSON.parse(JSON.stringify(await checkDir(sample))));
    for (const d of doc.diagnostics) {
      expect(Object.keys(d).sort()).toEqual(["code", "end", "file", "message", "range", "severity", "source", "start", "suggestions"]);
      expect(d.start).toEqual({ line: d.range.start.line + 1, column: d.range.start.character + 1 });
      expect(d.end).toEqual({ line: d.range.end.line + 1, column: d.range.end.character + 1 });
      expect(d.source).toBe("pagec");
    }
    const count = (s: string) => doc.diagnostics.filter((d: { severity: string }) => d.severity === s).length;
    expect(doc.summary).toEqual({ errors: count("error"), warnings: count("warning"), infos: count("info"), files: new Set(doc.diagnostics.map((d: { file: string }) => d.file)).size });
    expect(doc.summary.errors).toBe(1);
  });

  it("--format sarif has the SARIF 2.1.0 shape of SPEC §7.4", async () => {
    const r = run("sarif");
    expect(r.status, r.stderr).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const [runObj] = sarif.runs;
    const driver = runObj.tool.driver;
    expect(driver.name).toBe("pagec");
    expect(typeof driver.version).toBe("string");
    expect(typeof driver.informationUri).toBe("string");
    const level = { error: "error", warning: "warning", info: "note" } as const;
    expect(driver.rules).toEqual(CODES.map((id) => ({ id, shortDescription: { text: CATALOGUE[id].title }, defaultConfiguration: { level: level[CATALOGUE[id].severity] } })));
    expect(runObj.columnKind).toBe("utf16CodeUnits");
    expect(runObj.originalUriBaseIds).toEqual({ SITEROOT: { uri: pathToFileURL(sample + "/").href } });
    const diags = await checkDir(sample);
    expect(runObj.results).toHaveLength(diags.length);
    const region = (d: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
      ({ startLine: d.start.line, startColumn: d.start.column, endLine: d.end.line, endColumn: d.end.column });
    diags.forEach((d, i) => {
      const res = runObj.results[i];
      expect(res.ruleId).toBe(d.code);
      expect(driver.rules[res.ruleIndex].id).toBe(d.code);
      expect(res.level).toBe(level[d.severity]);
      expect(res.message).toEqual({ text: d.message });
      expect(res.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: d.file, uriBaseId: "SITEROOT" }, region: region(d) } }]);
      expect(res.fixes ?? []).toEqual(d.suggestions.map((s) => ({
        description: { text: s.title },
        artifactChanges: s.edits.map((e) => ({
          artifactLocation: { uri: e.file, uriBaseId: "SITEROOT" },
          replacements: [{
            deletedRegion: region({ start: { line: e.range.start.line + 1, column: e.range.start.character + 1 }, end: { line: e.range.end.line + 1, column: e.range.end.character + 1 } }),
            insertedContent: { text: e.newText },
          }],
        })),
      })));
    });
    expect(runObj.results[0].fixes).toHaveLength(1);
  });
});
