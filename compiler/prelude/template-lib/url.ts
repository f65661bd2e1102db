// The render-time check of output tags that start a URL attribute (SPEC §3.5 "URL attributes"): decode character
// references, drop tabs/line breaks and leading controls, and block any scheme other than http, https, mailto, tel.

export const BLOCKED_URL = "about:blank#blocked";

// Named references that can hide a scheme or its delimiters. Matched case-insensitively: decoding a name the
// browser would not decode can only make us stricter, because the browser then sees `&` in the scheme (invalid).
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", colon: ":", tab: "\t", newline: "\n",
  sol: "/", quest: "?", num: "#", nbsp: "\u00A0",
};

function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isHex(c: number): boolean { return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102); }
function isAlnum(c: number): boolean { return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }

function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\uFFFD";
  return String.fromCodePoint(cp);
}

/** HTML character references decoded (numeric with or without `;`, and the names above). Unknown ones stay as text. */
export function decodeCharRefs(s: string): string {
  if (s.indexOf("&") < 0) return s;
  let out = "";
  let last = 0;
  const n = s.length;
  for (let i = s.indexOf("&"); i >= 0 && i < n; i = s.indexOf("&", i)) {
    let j = i + 1;
    let rep: string | undefined;
    if (s.charCodeAt(j) === 35 /* # */) {
      j++;
      const hex = s.charCodeAt(j) === 120 || s.charCodeAt(j) === 88; // x X
      if (hex) j++;
      const start = j;
      let cp = 0;
      while (j < n && (hex ? isHex(s.charCodeAt(j)) : isDigit(s.charCodeAt(j)))) {
        if (cp <= 0x10ffff) cp = cp * (hex ? 16 : 10) + parseInt(s[j], 16);
        j++;
      }
      if (j > start) rep = fromCodePoint(cp);
    } else {
      while (j < n && isAlnum(s.charCodeAt(j))) j++;
      const name = s.slice(i + 1, j).toLowerCase();
      if (Object.prototype.hasOwnProperty.call(NAMED, name)) rep = NAMED[name];
    }
    if (rep === undefined) { i++; continue; }
    if (s.charCodeAt(j) === 59 /* ; */) j++;
    out += s.slice(last, i) + rep;
    last = i = j;
  }
  return out + s.slice(last);
}

/** The scheme a browser would see, lower-cased, or undefined for a relative URL. */
export function urlScheme(text: string): string | undefined {
  const s = decodeCharRefs(text);
  let t = "";
  let leading = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || c === 0x2028 || c === 0x2029) continue; // removed anywhere
    if (leading && c <= 0x20) continue; // leading C0 controls and space
    leading = false;
    if (c === 58 /* : */) return t.toLowerCase();
    if (c === 47 || c === 63 || c === 35) return undefined; // / ? # before any colon: relative
    t += s[i];
  }
  return undefined;
}

/** The text unchanged when it is a relative URL or uses http, https, mailto or tel; otherwise about:blank#blocked. */
export function safeUrl(text: string): string {
  if (typeof text !== "string") return text;
  const scheme = urlScheme(text);
  if (scheme === undefined || scheme === "http" || scheme === "https" || scheme === "mailto" || scheme === "tel") {
    return text;
  }
  return BLOCKED_URL;
}
