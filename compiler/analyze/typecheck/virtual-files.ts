// The virtual JavaScript files the type checker sees (SPEC §7.6): one per page unit (its backend blocks joined
// as the bundler joins them) and one per module, each with the mapping of its offsets back to the real file.
import { makeSourceText, moduleSegment } from "../../bundle/source-text.js";
import { resolveSpecifier } from "../../bundle/specifier.js";
import { LineIndex } from "../../source/line-index.js";
import type { Analysis } from "../../compile.js";

/** Every virtual path lives under this root so it can never collide with a real file or a lib file. */
export const VIRTUAL_ROOT = "/__pagec__/";
export const DECLARATIONS_PATH = `${VIRTUAL_ROOT}pagec-sandbox.d.ts`;

export interface VirtualFile {
  /** Virtual path given to TypeScript. Units get ".js" appended so TypeScript treats them as JavaScript. */
  path: string;
  /** Site-relative path of the real file. */
  file: string;
  code: string;
  toFileOffset(codeOffset: number): number;
  /** Code offset of a file offset, or -1 when the offset is not inside the script. */
  toCodeOffset(fileOffset: number): number;
  lines: LineIndex;
}

export const unitPath = (file: string) => `${VIRTUAL_ROOT}${file}.js`;
export const modulePath = (file: string) => `${VIRTUAL_ROOT}${file}`;

function virtualFile(path: string, file: string, text: string, lines: LineIndex, segments: { start: number; end: number }[]): VirtualFile {
  const src = makeSourceText(file, text, segments);
  const starts: number[] = [];
  let at = 0;
  for (const s of segments) { starts.push(at); at += s.end - s.start + 1; }
  const toCodeOffset = (fileOffset: number): number => {
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (fileOffset >= s.start && fileOffset <= s.end) return starts[i] + fileOffset - s.start;
    }
    return -1;
  };
  return { path, file, code: src.code, toFileOffset: src.toFileOffset, toCodeOffset, lines };
}

/** The units (pages and layouts with backend blocks) and modules of an analysed site. */
export function collectVirtualFiles(analysis: Analysis): VirtualFile[] {
  const out: VirtualFile[] = [];
  for (const t of analysis.templates.values()) {
    // Components cannot run scripts (PC5010), so only page files (pages and layouts) carry units.
    if (!t.file.startsWith("pages/") || t.ast.scripts.length === 0) continue;
    const segments = [...t.ast.scripts].sort((a, b) => a.contentStart - b.contentStart)
      .map((b) => ({ start: b.contentStart, end: b.contentStart + b.content.length }));
    out.push(virtualFile(unitPath(t.file), t.file, t.text, t.lines, segments));
  }
  for (const file of [...analysis.site.modules.values()].sort()) {
    const text = analysis.site.files.get(file);
    if (text === undefined) continue;
    out.push(virtualFile(modulePath(file), file, text, new LineIndex(text), [moduleSegment(text)]));
  }
  return out;
}

/** Resolves an import specifier (SPEC §4.2) to a module's virtual path, or null. */
export function resolveImport(spec: string, modules: ReadonlyMap<string, string>): string | null {
  const code = resolveSpecifier(spec);
  const file = code === null ? undefined : modules.get(code);
  return file ? modulePath(file) : null;
}
