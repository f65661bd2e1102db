// The diagnostic record (SPEC §7.2) and the one way to make one. Producers work in offsets; this file turns
// offsets into LSP ranges and 1-based line/column, applies the catalogue severity, and sorts/de-duplicates.
import { CATALOGUE, type Code, type Severity } from "./catalogue.js";
import { LineIndex, type Position } from "../source/line-index.js";

export type { Code, Severity };
export interface Range { start: Position; end: Position }
export interface TextEdit { file: string; range: Range; newText: string }
export interface Suggestion { title: string; edits: TextEdit[] }
export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  start: { line: number; column: number };
  end: { line: number; column: number };
  suggestions: Suggestion[];
  source: "pagec";
}

/** An edit expressed in offsets of the diagnostic's own file (or of `file` when given). */
export interface OffsetEdit { start: number; end: number; newText: string; file?: string; lines?: LineIndex }
export interface OffsetSuggestion { title: string; edits: OffsetEdit[] }

export interface DiagnosticInit {
  code: Code;
  message: string;
  start: number;
  end: number;
  suggestions?: OffsetSuggestion[];
  /** Overrides the catalogue severity (only PC3100 uses this, per site.json typeCheck). */
  severity?: Severity;
}

/** Collects diagnostics for one file; every phase reports here and keeps going. */
export class FileReporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines: LineIndex;
  constructor(readonly file: string, text: string | LineIndex) {
    this.lines = typeof text === "string" ? new LineIndex(text) : text;
  }
  report(init: DiagnosticInit): Diagnostic {
    const d = makeDiagnostic(this.file, this.lines, init);
    this.diagnostics.push(d);
    return d;
  }
}

export function makeDiagnostic(file: string, lines: LineIndex, init: DiagnosticInit): Diagnostic {
  const range = { start: lines.position(init.start), end: lines.position(Math.max(init.start, init.end)) };
  return {
    code: init.code,
    severity: init.severity ?? CATALOGUE[init.code].severity,
    message: init.message,
    file,
    range,
    start: { line: range.start.line + 1, column: range.start.character + 1 },
    end: { line: range.end.line + 1, column: range.end.character + 1 },
    suggestions: (init.suggestions ?? []).map((s) => ({
      title: s.title,
      edits: s.edits.map((e) => {
        const li = e.lines ?? lines;
        return { file: e.file ?? file, range: { start: li.position(e.start), end: li.position(e.end) }, newText: e.newText };
      }),
    })),
    source: "pagec",
  };
}

/** A diagnostic about a whole file (range 0:0–0:0). */
export function fileDiagnostic(file: string, code: Code, message: string, severity?: Severity): Diagnostic {
  return makeDiagnostic(file, new LineIndex(""), { code, message, start: 0, end: 0, severity });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  // Touching zero-width ranges count as overlapping so a PC3100 at the same spot is still dropped.
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** SPEC §7.3.5: sort by file, line, character, severity, code; drop exact duplicates and PC3100s that overlap another. */
export function finalizeDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.file}\0${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}\0${d.code}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  const kept = unique.filter((d) => d.code !== "PC3100" || !unique.some((o) => o !== d && o.code !== "PC3100" && o.file === d.file && overlaps(o.range, d.range)));
  return kept.sort((a, b) =>
    cmp(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    cmp(a.code, b.code));
}

export function countBySeverity(list: Diagnostic[]): { errors: number; warnings: number; infos: number } {
  let errors = 0, warnings = 0, infos = 0;
  for (const d of list) d.severity === "error" ? errors++ : d.severity === "warning" ? warnings++ : infos++;
  return { errors, warnings, infos };
}
