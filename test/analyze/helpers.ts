// Test helpers for the analysis: write a mini site to a temp directory, analyse it, and apply a suggestion's
// edits to the file texts (so a test can re-check and see the finding gone).
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { analyzeSite } from "../../compiler/compile.js";
import type { Diagnostic, Suggestion } from "../../compiler/diagnostics/diagnostic.js";
import { LineIndex } from "../../compiler/source/line-index.js";

export type Files = Record<string, string>;

/** The codes the scope and script checks produce (the rest come from other phases). */
export const OWN_CODES = new Set([
  "PC1043", "PC1054", "PC1062", "PC2001", "PC2002", "PC2003", "PC2009", "PC2010", "PC2011",
  "PC3007", "PC3010", "PC3011", "PC3012", "PC3013", "PC3014", "PC3015", "PC3016", "PC3017", "PC3018", "PC3019",
  "PC3020", "PC3021", "PC3022", "PC3023", "PC3024", "PC3025", "PC3026", "PC3027", "PC3028", "PC3029", "PC3030",
]);

export function writeSite(files: Files): string {
  const dir = mkdtempSync(join(tmpdir(), "pagec-analyze-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function check(files: Files): Diagnostic[] {
  return analyzeSite(writeSite(files), { emit: false }).diagnostics;
}

export function own(list: Diagnostic[]): Diagnostic[] {
  return list.filter((d) => OWN_CODES.has(d.code));
}

/** `file:line:col` of a diagnostic's start (1-based). */
export const where = (d: Diagnostic) => `${d.file}:${d.start.line}:${d.start.column}`;

export function applySuggestion(files: Files, s: Suggestion): Files {
  const next = { ...files };
  const byFile = new Map<string, Suggestion["edits"]>();
  for (const e of s.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const text = next[file];
    const lines = new LineIndex(text);
    const offs = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
    let out = text;
    for (const e of offs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    next[file] = out;
  }
  return next;
}
