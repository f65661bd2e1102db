// Backend-script start tags (SPEC §3.1 rule 7): `<script` + whitespace, any attribute order, quotes and case,
// with scope=backend among the attributes. Also locates the element's end (`</script` + spaces + `>`).
import { Finder, isWs } from "./text-utils.js";

const OPEN_RE = /<script[\t\n\f\r ]/iy;

/** If a backend-script start tag begins at `pos`, returns the offset just after its `>`; else -1. */
export function backendStartTagEnd(text: string, pos: number, finder: Finder): number {
  const r = scriptStartTag(text, pos, finder);
  return r && r.backend ? r.end : -1;
}

/** A `<script` + whitespace start tag at `pos`: the offset after its `>` and whether it has scope=backend. */
export function scriptStartTag(text: string, pos: number, finder: Finder): { end: number; backend: boolean } | null {
  OPEN_RE.lastIndex = pos;
  if (!OPEN_RE.test(text)) return null;
  if (finder.indexOf(">", pos) < 0) return null;
  let i = pos + 7;
  let backend = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWs(c) || c === 47) { i++; continue; }
    if (c === 62) return { end: i + 1, backend };
    const nameStart = i;
    while (i < n && !isWs(text.charCodeAt(i)) && text[i] !== "=" && text[i] !== ">" && text[i] !== "/") i++;
    const name = text.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && isWs(text.charCodeAt(j))) j++;
    let value: string | null = null;
    if (text[j] === "=") {
      j++;
      while (j < n && isWs(text.charCodeAt(j))) j++;
      const q = text[j];
      if (q === "\"" || q === "'") {
        const close = finder.indexOf(q, j + 1);
        if (close < 0) return null;
        value = text.slice(j + 1, close);
        j = close + 1;
      } else {
        const vs = j;
        while (j < n && !isWs(text.charCodeAt(j)) && text[j] !== ">") j++;
        value = text.slice(vs, j);
      }
      i = j;
    }
    if (name === "scope" && value !== null && value.trim().toLowerCase() === "backend") backend = true;
  }
  return null;
}

/** The closing `</script …>` after `from`: [start, end) or null. */
export function backendEndTag(from: number, finder: Finder): { start: number; end: number } | null {
  const m = finder.regex("\0/script", /<\/script[\t\n\f\r ]*>/gi, from);
  return m ? { start: m.index, end: m.index + m.length } : null;
}
