// Small text helpers for the template scanner: whitespace tests, line bounds, memoised forward searches
// (so repeated failed searches stay linear) and the string/bracket-aware delimiter search of SPEC §3.1.
import type { ExprSource } from "./ast.js";

export const isSpaceTab = (c: number): boolean => c === 32 || c === 9;
export const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
export const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Length of the line terminator at `pos` (0, 1 or 2 for "\r\n"). */
export function terminatorLength(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === 13) return text.charCodeAt(pos + 1) === 10 ? 2 : 1;
  return c === 10 ? 1 : 0;
}

/** True when `pos` is the first character of a line (never the middle of a "\r\n"). */
export function isLineStart(text: string, pos: number): boolean {
  if (pos === 0) return true;
  const p = text.charCodeAt(pos - 1);
  if (p === 10) return true;
  return p === 13 && text.charCodeAt(pos) !== 10;
}

/**
 * Forward searches whose answers are cached per needle: the scanner only moves forward, so asking again from a
 * later position reuses the last answer while it is still ahead, and a search that found nothing stays failed.
 */
export class Finder {
  private readonly cache = new Map<string, { from: number; at: number; len: number }>();
  constructor(private readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const c = this.cache.get(needle);
    if (c && from >= c.from && (c.at === -1 || c.at >= from)) return c.at;
    const at = this.text.indexOf(needle, from);
    this.cache.set(needle, { from, at, len: needle.length });
    return at;
  }

  /** First match of a global regex at or after `from`; `key` names the cache slot. */
  regex(key: string, re: RegExp, from: number): { index: number; length: number } | null {
    const c = this.cache.get(key);
    if (c && from >= c.from && (c.at === -1 || c.at >= from)) return c.at === -1 ? null : { index: c.at, length: c.len };
    re.lastIndex = from;
    const m = re.exec(this.text);
    this.cache.set(key, { from, at: m ? m.index : -1, len: m ? m[0].length : 0 });
    return m ? { index: m.index, length: m[0].length } : null;
  }

  /** Offset of the next line terminator at or after `from`, or the text length. */
  lineEnd(from: number): number {
    const m = this.regex("\0eol", /[\r\n]/g, from);
    return m ? m.index : this.text.length;
  }
}

/**
 * Finds `close` ("}}", ">>" or ")") starting at `from`, outside '…'/"…" strings (backslash escapes) and at
 * bracket depth 0; depth never drops below 0. Stops at `limit` (exclusive). Returns the offset or -1.
 */
export function scanDelimited(text: string, from: number, close: "}}" | ">>" | ")", limit = text.length): number {
  let depth = 0;
  let quote = 0;
  const c0 = close.charCodeAt(0);
  const two = close.length === 2;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (depth === 0 && c === c0 && (!two || (i + 1 < limit && text.charCodeAt(i + 1) === c0))) return i;
    if (c === 39 || c === 34) quote = c;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) { if (depth > 0) depth--; }
  }
  return -1;
}

/** Splits at top-level commas (string- and bracket-aware), keeping every piece untrimmed with its offset. */
export function splitTopLevel(src: ExprSource): ExprSource[] {
  const out: ExprSource[] = [];
  const { text } = src;
  let depth = 0, quote = 0, last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 39 || c === 34) quote = c;
    else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) { if (depth > 0) depth--; }
    else if (c === 44 && depth === 0) { out.push({ text: text.slice(last, i), start: src.start + last }); last = i + 1; }
  }
  out.push({ text: text.slice(last), start: src.start + last });
  return out;
}

/** Trims whitespace on both sides, moving `start` along. */
export function trimSource(src: ExprSource): ExprSource {
  let a = 0, b = src.text.length;
  while (a < b && isWs(src.text.charCodeAt(a))) a++;
  while (b > a && isWs(src.text.charCodeAt(b - 1))) b--;
  return { text: src.text.slice(a, b), start: src.start + a };
}

/**
 * The §3.1 closing-delimiter search with a work budget. Successful searches are consumed by the scanner, so only
 * failed searches can repeat work; once failed searches have cost more than ~32 passes over the file (a file that
 * already carries that many PC1001/PC1017 errors), later searches fall back to the first plain occurrence of the
 * delimiter. That keeps adversarial inputs linear and never changes the result for files with few errors.
 */
export class DelimiterSearch {
  private budget: number;
  constructor(private readonly text: string, private readonly finder: Finder) {
    this.budget = 32 * text.length + 1_000_000;
  }

  find(from: number, close: "}}" | ">>" | ")", limit = this.text.length): number {
    const plain = this.finder.indexOf(close, from);
    if (plain < 0 || plain >= limit) return -1;
    if (this.budget <= 0) return plain;
    const at = scanDelimited(this.text, from, close, limit);
    if (at < 0) this.budget -= limit - from;
    return at;
  }
}
