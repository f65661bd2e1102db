// In-process tests of the language server's pieces: quick-fix conversion, cursor contexts, site facts.
import { describe, expect, it } from "vitest";
import { codeActionsFor, toLspDiagnostic } from "../../compiler/lsp/convert.js";
import { whereInTemplate, stringAt, wordAt, slugOnLine, scriptRanges } from "../../compiler/lsp/text-context.js";
import { isSiteDocument, documentKind } from "../../compiler/lsp/documents.js";
import { setVariableKeys } from "../../compiler/lsp/site-facts.js";
import { analyzeSite } from "../../compiler/compile.js";
import { makeDiagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { LineIndex } from "../../compiler/source/line-index.js";

const DEMO_D = new URL("../fixtures/spec-sites/demo-d", import.meta.url).pathname;

describe("quick fixes", () => {
  it("turns every suggestion into a quickfix; PC2001's is preferred", () => {
    const a = analyzeSite(DEMO_D, { emit: false });
    const broken = a.diagnostics.filter((d) => d.file === "pages/broken.ef");
    const lsp = broken.map(toLspDiagnostic);
    const actions = codeActionsFor(lsp, broken, (f) => `file:///site/${f}`);
    const pc2001 = actions.find((x) => x.title === "replace with `var.greeting`");
    expect(pc2001).toMatchObject({ kind: "quickfix", isPreferred: true });
    expect(pc2001!.edit!.changes!["file:///site/pages/broken.ef"]).toEqual([{ range: { start: { line: 12, character: 7 }, end: { line: 12, character: 15 } }, newText: "var.greeting" }]);
    const pc2005 = actions.find((x) => x.title === "replace with `capitalize`");
    expect(pc2005).toBeDefined();
    expect(pc2005!.isPreferred).toBeUndefined();
    expect(actions.length).toBe(broken.reduce((n, d) => n + d.suggestions.length, 0));
  });

  it("finds the suggestions by range, code and message when the client drops `data`", () => {
    const d = makeDiagnostic("pages/a.ef", new LineIndex("{{ x }}"), { code: "PC2003", message: "m", start: 3, end: 4, suggestions: [{ title: "replace with `y`", edits: [{ start: 3, end: 4, newText: "y" }] }] });
    const { data: _data, ...bare } = toLspDiagnostic(d);
    expect(codeActionsFor([bare], [d], (f) => f).map((x) => x.title)).toEqual(["replace with `y`"]);
  });

  it("maps severities to LSP numbers", () => {
    const d = makeDiagnostic("p", new LineIndex(""), { code: "PC1057", message: "m", start: 0, end: 0 });
    expect(toLspDiagnostic(d)).toMatchObject({ severity: 3, source: "pagec", code: "PC1057" });
  });
});

describe("cursor contexts", () => {
  const page = `<script scope="backend">\nconst a = request.\n</script>\n<p>{{ var.x | up }}</p>\n@fo\n<p>@if(var.`;
  it.each([
    ["request.", 8, "script"],
    ["| up", 4, "expression"],
    ["@fo", 3, "text"],
    ["@if(var.", 8, "expression"],
  ])("%s → %s", (needle, delta, kind) => {
    expect(whereInTemplate(page, page.indexOf(needle) + delta).kind).toBe(kind);
  });
  it("script ranges, words, strings and slugs", () => {
    expect(scriptRanges(page)).toEqual([[24, page.indexOf("</script>")]]);
    expect(wordAt("a capitalise b", 5)).toEqual({ word: "capitalise", start: 2, end: 12 });
    const line = "getCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight' })";
    expect(stringAt(line, line.indexOf("goal") + 1)).toMatchObject({ value: "goal_weight", key: "fieldKey" });
    expect(slugOnLine(line)).toBe("pattern-tracker");
  });
});

describe("documents and facts", () => {
  it.each([
    ["pages/index.ef", true, "template"], ["components/x/y.html", true, "template"], ["scripts/v.js", true, "module"],
    ["site.json", true, "json"], ["variables.json", true, "json"], ["README.md", false, "template"], ["pages/a.js", false, "template"],
  ])("%s", (rel, site, kind) => {
    expect(isSiteDocument(rel)).toBe(site);
    if (site) expect(documentKind(rel)).toBe(kind);
  });
  it("collects setVariable keys with their lines", () => {
    const a = analyzeSite(DEMO_D, { emit: false });
    expect(setVariableKeys(a, "pages/broken.ef").get("greeting")).toEqual([{ file: "pages/broken.ef", line: 4 }]);
  });
});
