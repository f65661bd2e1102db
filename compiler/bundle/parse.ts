// Parsing units (a page file's backend blocks) and modules (scripts/<code>.js) with acorn as ES modules
// (SPEC §4.1). A parse error becomes PC3001 at the parser's position, mapped back into the file.
import * as acorn from "acorn";
import type { ScriptBlock } from "../template/ast.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { LineIndex } from "../source/line-index.js";
import { makeSourceText, moduleSegment, type Segment } from "./source-text.js";

export interface UnitSource { file: string; text: string; blocks: ScriptBlock[] }
export interface ModuleFile { file: string; text: string }

export interface ParsedUnit {
  file: string;
  program: acorn.Program;
  code: string;
  toFileOffset(codeOffset: number): number;
  /** The file text and the spans of it that make up `code` (joined by "\n"). */
  text: string;
  segments: Segment[];
  lines: LineIndex;
}
export type ParsedModule = ParsedUnit;

function parseSegments(file: string, text: string, segments: Segment[]): { unit: ParsedUnit | null; diagnostics: Diagnostic[] } {
  const src = makeSourceText(file, text, segments);
  const lines = new LineIndex(text);
  try {
    // Top-level return is always accepted by the parser: in modules it is reported as PC3006 instead.
    const program = acorn.parse(src.code, {
      ecmaVersion: "latest",
      sourceType: "module",
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      locations: false,
    });
    return { unit: { file, program, code: src.code, toFileOffset: src.toFileOffset, text, segments, lines }, diagnostics: [] };
  } catch (e) {
    const err = e as { message?: unknown; pos?: unknown };
    const raw = typeof err.message === "string" ? err.message : String(e);
    const message = `backend script does not parse: ${raw.replace(/\s*\(\d+:\d+\)$/, "")}`;
    const pos = src.toFileOffset(typeof err.pos === "number" ? err.pos : 0);
    return { unit: null, diagnostics: [makeDiagnostic(file, lines, { code: "PC3001", message, start: pos, end: Math.min(pos + 1, text.length) })] };
  }
}

/** One unit per file: its blocks' contents joined in document order with "\n". `unit` is null without blocks or on PC3001. */
export function parseUnit(u: UnitSource): { unit: ParsedUnit | null; diagnostics: Diagnostic[] } {
  if (u.blocks.length === 0) return { unit: null, diagnostics: [] };
  const blocks = [...u.blocks].sort((a, b) => a.contentStart - b.contentStart);
  const segments = blocks.map((b) => ({ start: b.contentStart, end: b.contentStart + b.content.length }));
  return parseSegments(u.file, u.text, segments);
}

/** A module file, without its optional `<script scope="backend">` wrapper. `module` is null on PC3001. */
export function parseModule(m: ModuleFile): { module: ParsedModule | null; diagnostics: Diagnostic[] } {
  const r = parseSegments(m.file, m.text, [moduleSegment(m.text)]);
  return { module: r.unit, diagnostics: r.diagnostics };
}
