// The JavaScript text of one unit or module, cut out of its file as segments joined by "\n", with the
// mapping from offsets in that joined code back to offsets in the file (diagnostics and source maps use file offsets).

/** A span [start, end) of the file that belongs to the code. */
export interface Segment { start: number; end: number }

export interface SourceText {
  file: string;
  text: string;
  segments: Segment[];
  /** The segments joined with one "\n" (SPEC §4.1). */
  code: string;
  toFileOffset(codeOffset: number): number;
}

export function makeSourceText(file: string, text: string, segments: Segment[]): SourceText {
  const codeStarts: number[] = [];
  let code = "";
  segments.forEach((seg, i) => {
    if (i > 0) code += "\n";
    codeStarts.push(code.length);
    code += text.slice(seg.start, seg.end);
  });
  const toFileOffset = (codeOffset: number): number => {
    if (segments.length === 0) return 0;
    // The last segment whose code start is <= the offset; the separator after a segment maps to that segment's end.
    let lo = 0, hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (codeStarts[mid] <= codeOffset) lo = mid; else hi = mid - 1;
    }
    const seg = segments[lo];
    return Math.max(seg.start, Math.min(seg.end, seg.start + (codeOffset - codeStarts[lo])));
  };
  return { file, text, segments, code, toFileOffset };
}

const SCRIPT_OPEN = /^<script\b(?=[\s>])([^>]*)>/i;
const SCOPE_BACKEND = /(?:^|\s)scope\s*=\s*(?:"\s*backend\s*"|'\s*backend\s*'|backend(?=[\s>]|$))/i;

/** Skips whitespace and JavaScript comments from `i`; returns the next offset (or -1 inside an unclosed block comment). */
function skipTrivia(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith("//", i)) {
      const nl = text.slice(i).search(/[\r\n]/);
      i = nl < 0 ? text.length : i + nl;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else return i;
  }
}

/**
 * The code segment of a module file: the whole file, or — when its first non-comment content is a
 * `<script scope="backend">` element wrapping the whole file (SPEC §4.2, extension) — the element's content.
 */
export function moduleSegment(text: string): Segment {
  const whole = { start: 0, end: text.length };
  const open = skipTrivia(text, 0);
  if (open < 0) return whole;
  const m = SCRIPT_OPEN.exec(text.slice(open));
  if (!m || !SCOPE_BACKEND.test(m[1])) return whole;
  const contentStart = open + m[0].length;
  const closeRe = /<\/script\s*>/gi;
  let close: RegExpExecArray | null = null;
  for (let c = closeRe.exec(text); c; c = closeRe.exec(text)) if (c.index >= contentStart) close = c;
  if (!close) return whole;
  const after = skipTrivia(text, close.index + close[0].length);
  if (after !== text.length) return whole;
  return { start: contentStart, end: close.index };
}
