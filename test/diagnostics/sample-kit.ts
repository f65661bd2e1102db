// Shared helpers for the diagnostics samples: list sample folders, run checkSite on one, reduce diagnostics to the
// expected.json shape, and apply a suggestion's edits to a temporary copy of a sample site.
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkSite } from "../../compiler/index.js";
import type { Diagnostic, Suggestion } from "../../compiler/diagnostics/diagnostic.js";
import { LineIndex } from "../../compiler/source/line-index.js";

export const SAMPLES_DIR = fileURLToPath(new URL("./samples/", import.meta.url));

export interface Expected {
  code: string;
  severity: string;
  file: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
  message: string;
  suggestions: string[];
}

/** Sample folder names, sorted; each is `<CODE>-<short-name>`. */
export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR).filter((n) => statSync(join(SAMPLES_DIR, n)).isDirectory()).sort();
}

export const codeOf = (sample: string) => sample.slice(0, 6);

export function reduce(d: Diagnostic): Expected {
  return { code: d.code, severity: d.severity, file: d.file, start: d.start, end: d.end, message: d.message, suggestions: d.suggestions.map((s) => s.title) };
}

export async function checkDir(dir: string): Promise<Diagnostic[]> {
  return (await checkSite(dir)).diagnostics;
}

/** A throw-away copy of a sample (without expected.json) to edit. */
export function tempCopy(sample: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pagec-sample-${codeOf(sample)}-`));
  cpSync(join(SAMPLES_DIR, sample), dir, { recursive: true, filter: (src) => !src.endsWith("expected.json") });
  return dir;
}

/** Applies a suggestion's edits (grouped per file, applied back to front) inside `dir`. */
export function applySuggestion(dir: string, s: Suggestion): void {
  const byFile = new Map<string, Suggestion["edits"]>();
  for (const e of s.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    const lines = new LineIndex(text);
    const offs = edits
      .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
      .sort((a, b) => b.start - a.start);
    let out = text;
    for (const e of offs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    writeFileSync(path, out);
  }
}

/** Multiset key for "the same error" across a fix (positions move when text is edited). */
export const errorKey = (d: Diagnostic) => `${d.file}\0${d.code}\0${d.message}`;
