// Whitespace rules of SPEC §3.3: the final line terminator and standalone lines of stripped tags. They are
// collected as deletion ranges over the source; text node values are the source minus those ranges.
import type { Node } from "./ast.js";
import type { Token } from "./tokens.js";
import { isLineStart, isSpaceTab, terminatorLength } from "./text-utils.js";

const STRIPPED_DIRECTIVES = new Set(["if", "elseif", "else", "endif", "foreach", "endforeach", "set", "extends", "block", "endblock", "verbatim", "endverbatim", "setSessionItem", "clearSessionItem"]);

/** Sorted, merged [start, end) ranges of source text that never reaches the output. */
export class Deletions {
  private ranges: Array<[number, number]> = [];
  private merged: Array<[number, number]> | null = null;
  add(start: number, end: number): void {
    if (end > start) { this.ranges.push([start, end]); this.merged = null; }
  }
  private get list(): Array<[number, number]> {
    if (this.merged) return this.merged;
    const sorted = [...this.ranges].sort((a, b) => a[0] - b[0]);
    const out: Array<[number, number]> = [];
    for (const r of sorted) {
      const last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else out.push([r[0], r[1]]);
    }
    return (this.merged = out);
  }
  /** `text[start, end)` without the deleted ranges. */
  apply(text: string, start: number, end: number): string {
    const list = this.list;
    let lo = 0, hi = list.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid][1] <= start) lo = mid + 1; else hi = mid; }
    let out = "";
    let pos = start;
    for (let i = lo; i < list.length && list[i][0] < end; i++) {
      if (list[i][0] > pos) out += text.slice(pos, list[i][0]);
      pos = Math.max(pos, list[i][1]);
    }
    if (pos < end) out += text.slice(pos, end);
    return out;
  }
}

/** End of the template for rule 2: the file length, or the start of a final line terminator (rule 1). */
export function templateEnd(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  if (text.endsWith("\r\n")) return n - 2;
  const c = text.charCodeAt(n - 1);
  return c === 10 || c === 13 ? n - 1 : n;
}

/**
 * If [start, end) is alone on its line(s) — only spaces and tabs before it on its first line and after it on its
 * last line — returns the range widened over those and one following terminator; else null.
 */
export function standaloneRange(text: string, start: number, end: number, tplEnd: number): { start: number; end: number } | null {
  let a = start;
  while (a > 0 && isSpaceTab(text.charCodeAt(a - 1))) a--;
  if (!isLineStart(text, a)) return null;
  let b = end;
  while (b < tplEnd && isSpaceTab(text.charCodeAt(b))) b++;
  if (b < tplEnd) {
    const t = terminatorLength(text, b);
    if (t === 0) return null;
    b += t;
  }
  return { start: a, end: b };
}

/** Collects the deletions of rule 1 and of rule 2 for comments, backend scripts and the stripped directives. */
export function whitespaceDeletions(text: string, tokens: Token[]): Deletions {
  const del = new Deletions();
  const tplEnd = templateEnd(text);
  del.add(tplEnd, text.length);
  for (const tok of tokens) {
    const stripped = tok.t === "script" || (tok.t === "strip" && tok.what === "comment") || (tok.t === "dir" && STRIPPED_DIRECTIVES.has(tok.name));
    if (!stripped) continue;
    const r = standaloneRange(text, tok.start, tok.end, tplEnd);
    if (r) { del.add(r.start, tok.start); del.add(tok.end, r.end); }
  }
  return del;
}

/** Fills every text node's value from the source minus deletions and drops empty text nodes, at every depth. */
export function finishText(nodes: Node[], text: string, del: Deletions): Node[] {
  // An explicit stack instead of recursion: deeply nested directive blocks must not overflow the call stack.
  const stack: Array<{ list: Node[]; assign: (l: Node[]) => void }> = [];
  let result = nodes;
  stack.push({ list: nodes, assign: (l) => { result = l; } });
  for (let w = stack.pop(); w; w = stack.pop()) {
    const out: Node[] = [];
    for (const n of w.list) {
      if (n.kind === "text") {
        n.value = del.apply(text, n.span.start, n.span.end);
        if (n.value !== "") out.push(n);
        continue;
      }
      if (n.kind === "if") for (const b of n.branches) stack.push({ list: b.body, assign: (l) => { b.body = l; } });
      else if (n.kind === "foreach" || n.kind === "block") stack.push({ list: n.body, assign: (l) => { n.body = l; } });
      out.push(n);
    }
    w.assign(out);
  }
  return result;
}
