// Machine-readable outputs (SPEC §7.4): the JSON document and SARIF 2.1.0.
import { CATALOGUE, CODES } from "./catalogue.js";
import type { Diagnostic, Range } from "./diagnostic.js";
import { countBySeverity } from "./diagnostic.js";
import { pathToFileURL } from "node:url";

export function formatJson(list: Diagnostic[], siteRoot: string, version: string): string {
  const { errors, warnings, infos } = countBySeverity(list);
  return JSON.stringify({
    version: 1,
    tool: { name: "pagec", version },
    site: siteRoot,
    diagnostics: list,
    summary: { errors, warnings, infos, files: new Set(list.map((d) => d.file)).size },
  }, null, 2) + "\n";
}

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function formatSarif(list: Diagnostic[], siteRoot: string, version: string): string {
  const ruleIndex = new Map(CODES.map((c, i) => [c, i]));
  const base = pathToFileURL(siteRoot.endsWith("/") ? siteRoot : siteRoot + "/").href;
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "pagec",
          version,
          informationUri: "https://github.com/pagec/pagec",
          rules: CODES.map((id) => ({ id, shortDescription: { text: CATALOGUE[id].title }, defaultConfiguration: { level: LEVEL[CATALOGUE[id].severity] } })),
        },
      },
      columnKind: "utf16CodeUnits",
      originalUriBaseIds: { SITEROOT: { uri: base } },
      results: list.map((d) => ({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: d.file, uriBaseId: "SITEROOT" }, region: region(d.range) } }],
        ...(d.suggestions.length ? {
          fixes: d.suggestions.map((s) => ({
            description: { text: s.title },
            artifactChanges: groupByFile(s.edits).map(([file, edits]) => ({
              artifactLocation: { uri: file, uriBaseId: "SITEROOT" },
              replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
            })),
          })),
        } : {}),
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

function groupByFile<T extends { file: string }>(edits: T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const e of edits) m.set(e.file, [...(m.get(e.file) ?? []), e]);
  return [...m];
}
