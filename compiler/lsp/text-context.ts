// Where the cursor is in a document, worked out from the current text alone (the analysis may lag behind by a
// debounce): inside a backend script, inside a template expression, or in template text.
const SCRIPT_OPEN = /<script\b[^>]*\bscope\s*=\s*["']?backend\b["']?[^>]*>/gi;

export type Where =
  | { kind: "script" }
  | { kind: "expression"; before: string }
  | { kind: "text"; before: string };

/** Offsets [contentStart, contentEnd) of the backend script blocks of a template text. */
export function scriptRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  SCRIPT_OPEN.lastIndex = 0;
  for (let m = SCRIPT_OPEN.exec(text); m; m = SCRIPT_OPEN.exec(text)) {
    const start = m.index + m[0].length;
    const close = text.slice(start).search(/<\/script\s*>/i);
    const end = close < 0 ? text.length : start + close;
    out.push([start, end]);
    SCRIPT_OPEN.lastIndex = end;
  }
  return out;
}

const DIRECTIVE_WITH_EXPR = /@(?:if|elseif|foreach|set|component|setSessionItem|clearSessionItem)\s*\(/g;

export function whereInTemplate(text: string, offset: number): Where {
  for (const [s, e] of scriptRanges(text)) if (offset >= s && offset <= e) return { kind: "script" };
  const head = text.slice(0, offset);
  // An output tag `{{ … ` (not a comment) that is still open at the cursor.
  const open = head.lastIndexOf("{{");
  if (open >= 0 && !head.startsWith("{{--", open) && head.indexOf("}}", open) < 0) return { kind: "expression", before: head.slice(open + 2) };
  const lineStart = Math.max(head.lastIndexOf("\n"), head.lastIndexOf("\r")) + 1;
  const line = head.slice(lineStart);
  const alt = line.lastIndexOf("<<");
  if (alt >= 0 && line.indexOf(">>", alt) < 0 && line[alt + 2] !== "<") return { kind: "expression", before: line.slice(alt + 2) };
  // An unclosed directive argument list on this line (`@if(var.` …).
  let last: RegExpExecArray | null = null;
  DIRECTIVE_WITH_EXPR.lastIndex = 0;
  for (let m = DIRECTIVE_WITH_EXPR.exec(line); m; m = DIRECTIVE_WITH_EXPR.exec(line)) last = m;
  if (last) {
    const args = line.slice(last.index + last[0].length);
    let depth = 1;
    for (const c of args) { if (c === "(") depth++; else if (c === ")") depth--; if (depth === 0) break; }
    if (depth > 0) return { kind: "expression", before: args };
  }
  return { kind: "text", before: line };
}

/** The identifier around `offset` in `text`, with its offsets. */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | null {
  const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$]/.test(c);
  let start = offset, end = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (isWord(text[end])) end++;
  return end > start ? { word: text.slice(start, end), start, end } : null;
}

/** The quoted string literal on the line around `offset`, and the object key written just before it (`slug: '…'`). */
export function stringAt(text: string, offset: number): { value: string; key: string | null; lineText: string } | null {
  const lineStart = Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
  const nl = text.slice(offset).search(/[\r\n]/);
  const lineText = text.slice(lineStart, nl < 0 ? text.length : offset + nl);
  const col = offset - lineStart;
  const re = /(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (let m = re.exec(lineText); m; m = re.exec(lineText)) {
    if (col > m.index && col < m.index + m[0].length) {
      const key = /([A-Za-z_$][\w$]*)\s*:\s*$/.exec(lineText.slice(0, m.index));
      return { value: m[2], key: key ? key[1] : null, lineText };
    }
  }
  return null;
}

/** The value of `slug: '…'` (or crmEntitySlug / crm_entity_slug) on a line, for field-key completion and hover. */
export function slugOnLine(lineText: string): string | null {
  const m = /\b(?:slug|crmEntitySlug|crm_entity_slug)\s*:\s*(['"])([^'"]*)\1/.exec(lineText);
  return m ? m[2] : null;
}
