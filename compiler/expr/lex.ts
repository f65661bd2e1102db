// Tokenizer for template expressions (SPEC §3.4.1). Produces every token up to the first lexical error, which
// becomes an "error" token so the parser reports whichever syntax error comes first in the text.

export type TokenType = "ident" | "number" | "string" | "punct" | "eof" | "error";

export interface Token {
  type: TokenType;
  /** ident/punct: the text; number: the text as written; string: the decoded value; error: the PC1020 detail. */
  value: string;
  /** Absolute offsets; for strings the range includes the quotes. */
  start: number;
  end: number;
}

// Longest match first.
const PUNCTUATORS = ["===", "!==", "==", "!=", "<=", ">=", "&&", "||", "!", "<", ">", "+", "-", "*", "/", "%", "?", ":", "|", ".", ",", "(", ")", "[", "]", "{", "}"];

const isDigit = (c: string) => c >= "0" && c <= "9";
const isIdentStart = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c === "_" || c === "$";
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);
const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isHex = (c: string) => /^[0-9A-Fa-f]$/.test(c);

/** Tokenizes `text` (whose first character sits at file offset `base`). The last token is "eof" or "error". */
export function tokenize(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (true) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) {
      // EOF sits right after the last token (not after trailing whitespace), so its range points at the gap.
      const at = tokens.length ? tokens[tokens.length - 1].end : base + n;
      tokens.push({ type: "eof", value: "", start: at, end: at });
      return tokens;
    }
    const c = text[i];
    const start = i;
    if (isIdentStart(c)) {
      while (i < n && isIdentPart(text[i])) i++;
      tokens.push({ type: "ident", value: text.slice(start, i), start: base + start, end: base + i });
    } else if (isDigit(c)) {
      while (i < n && isDigit(text[i])) i++;
      if (text[i] === "." && isDigit(text[i + 1] ?? "")) {
        i++;
        while (i < n && isDigit(text[i])) i++;
      }
      if (text[i] === "e" || text[i] === "E") {
        let j = i + 1;
        if (text[j] === "+" || text[j] === "-") j++;
        if (isDigit(text[j] ?? "")) {
          while (j < n && isDigit(text[j])) j++;
          i = j;
        }
      }
      tokens.push({ type: "number", value: text.slice(start, i), start: base + start, end: base + i });
    } else if (c === "'" || c === '"') {
      const str = readString(text, i);
      if (str.value === null) {
        tokens.push({ type: "error", value: "unterminated string literal", start: base + start, end: base + str.end });
        return tokens;
      }
      i = str.end;
      tokens.push({ type: "string", value: str.value, start: base + start, end: base + i });
    } else {
      const p = PUNCTUATORS.find((q) => text.startsWith(q, i));
      if (p === undefined) {
        const cp = String.fromCodePoint(text.codePointAt(i) ?? 0);
        tokens.push({ type: "error", value: `unexpected character "${cp}"`, start: base + i, end: base + i + cp.length });
        return tokens;
      }
      i += p.length;
      tokens.push({ type: "punct", value: p, start: base + start, end: base + i });
    }
  }
}

/** Reads the string literal whose quote is at `at`. value=null when unterminated; end is then the end of the line. */
function readString(text: string, at: number): { value: string | null; end: number } {
  const quote = text[at];
  let out = "";
  let i = at + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === quote) return { value: out, end: i + 1 };
    if (c === "\n" || c === "\r") break;
    if (c === "\\") {
      const d = text[i + 1];
      if (d === undefined || d === "\n" || d === "\r") { i++; break; }
      if (d === "n") out += "\n";
      else if (d === "r") out += "\r";
      else if (d === "t") out += "\t";
      else if (d === "u" && [2, 3, 4, 5].every((k) => isHex(text[i + k] ?? ""))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      } else out += d; // `\\`, `\'`, `\"` and any other sequence keep the character after the backslash
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return { value: null, end: i };
}
