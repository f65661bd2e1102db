import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LspClient } from "./client.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const PAGE = [
  `<script scope="backend">`,
  `setVariable('greeting', 'Hi');`,
  `const n = getCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight' });`,
  `const b = request.body;`,
  `</script>`,
  `<p>{{ var.brand_name | capitalise }}</p>`,
  ``,
].join("\n");

let site: string;
let client: LspClient;
let uri: string;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "pipe" });
  site = mkdtempSync(join(tmpdir(), "pagec-lsp-"));
  mkdirSync(join(site, "pages"));
  writeFileSync(join(site, "site.json"), JSON.stringify({ crm: { entities: [{ slug: "pattern-tracker", fields: ["current_weight", { key: "goal_weight", type: "number", label: "Goal weight" }] }] } }));
  writeFileSync(join(site, "variables.json"), JSON.stringify({ brand_name: "FitTrack" }));
  writeFileSync(join(site, "pages/index.ef"), PAGE);
  uri = pathToFileURL(join(site, "pages/index.ef")).href;
  client = LspClient.start(ROOT, ["--no-node-snapshot", "bin/pagec.mjs", "lsp", "--stdio"]);
});

afterAll(async () => {
  if (!client) return;
  try { await client.request("shutdown", null); client.notify("exit", null); } catch { /* already gone */ }
  setTimeout(() => client.child.kill(), 2000).unref();
});

const posOf = (text: string, needle: string, delta = 0) => {
  const at = text.indexOf(needle) + delta;
  const before = text.slice(0, at).split("\n");
  return { line: before.length - 1, character: before[before.length - 1].length };
};

describe("pagec lsp --stdio", () => {
  it("initializes with the SPEC §7.7 capabilities", async () => {
    const r = await client.request("initialize", { processId: null, rootUri: pathToFileURL(site).href, capabilities: {} });
    client.notify("initialized", {});
    expect(r.capabilities.hoverProvider).toBe(true);
    expect(r.capabilities.completionProvider.triggerCharacters).toEqual([".", "|", "@", "(", "'", '"']);
    expect(r.capabilities.codeActionProvider).toBeTruthy();
  });

  it("publishes PC2005, offers the quick fix, and clears it after the edit", async () => {
    client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "html", version: 1, text: PAGE } });
    const pub = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri);
    const diags = pub.params.diagnostics;
    expect(diags.map((d: any) => [d.code, d.severity, d.source, d.message])).toEqual([["PC2005", 1, "pagec", "unknown filter `capitalise`"]]);
    expect(diags[0].range).toEqual({ start: { line: 5, character: 23 }, end: { line: 5, character: 33 } });

    const actions = await client.request("textDocument/codeAction", { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } });
    expect(actions).toHaveLength(1);
    expect(actions[0].title).toBe("replace with `capitalize`");
    expect(actions[0].kind).toBe("quickfix");
    const edits = actions[0].edit.changes[uri];
    expect(edits).toEqual([{ range: diags[0].range, newText: "capitalize" }]);

    const lines = PAGE.split("\n");
    const e = edits[0];
    lines[e.range.start.line] = lines[e.range.start.line].slice(0, e.range.start.character) + e.newText + lines[e.range.start.line].slice(e.range.end.character);
    const fixed = lines.join("\n");
    client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: e.range, text: e.newText }] });
    const after = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.version === 2);
    expect(after.params.diagnostics).toEqual([]);
    expect(fixed).toContain("| capitalize }}");
  });

  it("hovers a filter, a brand variable, a sandbox global and a CRM slug", async () => {
    const text = PAGE.replace("capitalise", "capitalize");
    const hover = (needle: string, delta = 1) => client.request("textDocument/hover", { textDocument: { uri }, position: posOf(text, needle, delta) });
    expect((await hover("capitalize")).contents.value).toContain("first code point upper-cased");
    expect((await hover("brand_name")).contents.value).toContain('"FitTrack"');
    const req = await hover("request.body");
    expect(req.contents.value).toContain("PagecRequest");
    expect((await hover("pattern-tracker")).contents.value).toContain("goal_weight");
  });

  it("completes filters after `|`, var keys after `var.`, members in scripts and CRM slugs", async () => {
    const text = "<script scope=\"backend\">\nconst m = request.\nconst f = getCrmField({ slug: '\n</script>\n<p>{{ var.brand_name | }}</p>\n<p>{{ var. }}</p>\n";
    client.notify("textDocument/didChange", { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const complete = async (needle: string, delta: number) =>
      ((await client.request("textDocument/completion", { textDocument: { uri }, position: posOf(text, needle, delta) })) as any[]).map((i) => i.label);
    const filters = await complete("| }}", 2);
    expect(filters).toContain("upper");
    expect(filters).toContain("capitalize");
    const vars = await complete("var. }}", 4);
    expect(vars).toEqual(expect.arrayContaining(["brand_name"]));
    const members = await complete("request.\n", 8);
    expect(members).toEqual(expect.arrayContaining(["body", "query", "method", "cookies"]));
    expect(await complete("slug: '", 7)).toEqual(["pattern-tracker"]);
  });

  it("re-publishes the open pages of the site after an edit to variables.json, and again after it closes", async () => {
    const fixed = PAGE.replace("capitalise", "capitalize");
    client.notify("textDocument/didChange", { textDocument: { uri, version: 4 }, contentChanges: [{ text: fixed }] });
    const clean = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.version === 4);
    expect(clean.params.diagnostics).toEqual([]);
    const varsUri = pathToFileURL(join(site, "variables.json")).href;
    client.notify("textDocument/didOpen", { textDocument: { uri: varsUri, languageId: "json", version: 1, text: '{ "other": 1 }' } });
    const again = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.version === 4 && m.params.diagnostics.length > 0);
    expect(again.params.diagnostics.map((d: any) => [d.code, d.severity, d.range.start])).toEqual([["PC2002", 2, { line: 5, character: 6 }]]);
    client.notify("textDocument/didClose", { textDocument: { uri: varsUri } });
    const back = await client.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri && m.params.version === 4 && m.params.diagnostics.length === 0);
    expect(back.params.version).toBe(4);
  });

  it("serves modules: schema methods by type, sandbox declarations with their docs, directives after @", async () => {
    const modUri = pathToFileURL(join(site, "scripts/v.js")).href;
    const mod = "redirect('/x');\nexport const S = Schema.string().\n";
    client.notify("textDocument/didOpen", { textDocument: { uri: modUri, languageId: "javascript", version: 1, text: mod } });
    const items = ((await client.request("textDocument/completion", { textDocument: { uri: modUri }, position: { line: 1, character: 33 } })) as any[]).map((i) => i.label);
    expect(items).toEqual(expect.arrayContaining(["email", "lowercase", "pattern", "validate"]));
    expect(items).not.toContain("integer");
    const hover = await client.request("textDocument/hover", { textDocument: { uri: modUri }, position: { line: 0, character: 2 } });
    expect(hover.contents.value).toContain("function redirect(url: string, status?: number): never");
    expect(hover.contents.value).toContain("Terminal.");
    const text = "<p>x</p>\n@fo\n";
    client.notify("textDocument/didChange", { textDocument: { uri, version: 5 }, contentChanges: [{ text }] });
    const dirs = ((await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 3 } })) as any[]).map((i) => i.label);
    expect(dirs).toEqual(expect.arrayContaining(["foreach", "if", "endforeach", "component"]));
  });
});
