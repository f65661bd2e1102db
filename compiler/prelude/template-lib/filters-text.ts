// The text filters of SPEC §3.7 (default … url_encode, json). Each takes the value and its arguments and never
// throws; positions and lengths count code points, with a plain UTF-16 fast path when a string has no surrogates.
import { codePointLength, codePoints, escapeHtml, hasSurrogates, isPlainObject, toText, toWellFormed } from "./text.js";
import { toIntArg } from "./numbers.js";

export function defaultFilter(v: unknown, fallback: unknown): unknown {
  return v === undefined || v === null || v === "" ? fallback : v;
}

export function defaultIfNone(v: unknown, fallback: unknown): unknown {
  return v === undefined || v === null ? fallback : v;
}

export function upper(v: unknown): string { return toText(v).toUpperCase(); }
export function lower(v: unknown): string { return toText(v).toLowerCase(); }
export function trim(v: unknown): string { return toText(v).trim(); }

function capitalizeText(s: string): string {
  if (s === "") return s;
  const cp = s.codePointAt(0) as number;
  const n = cp > 0xffff ? 2 : 1;
  return s.slice(0, n).toUpperCase() + s.slice(n);
}

export function capitalize(v: unknown): string { return capitalizeText(toText(v)); }

export function title(v: unknown): string {
  return toText(v).replace(/\S+/gu, capitalizeText);
}

function firstCodePoint(s: string): string {
  if (s === "") return "";
  return (s.codePointAt(0) as number) > 0xffff ? s.slice(0, 2) : s[0];
}

function lastCodePoint(s: string): string {
  const n = s.length;
  if (n === 0) return "";
  const lo = s.charCodeAt(n - 1);
  const hi = n > 1 ? s.charCodeAt(n - 2) : 0;
  return lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? s.slice(n - 2) : s[n - 1];
}

export function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : firstCodePoint(toText(v));
}

export function last(v: unknown): unknown {
  return Array.isArray(v) ? v[v.length - 1] : lastCodePoint(toText(v));
}

/** slice:start[:end]; `hasEnd` distinguishes an omitted end from an end argument that is undefined (not an integer). */
export function slice(v: unknown, start: unknown, end?: unknown, hasEnd = end !== undefined): unknown {
  const s = toIntArg(start, -Infinity, Infinity);
  const e = hasEnd ? toIntArg(end, -Infinity, Infinity) : undefined;
  if (s === undefined || (hasEnd && e === undefined)) return v;
  if (Array.isArray(v)) return v.slice(s, e);
  const text = toText(v);
  if (!hasSurrogates(text)) return text.slice(s, e);
  return codePoints(text).slice(s, e).join("");
}

export function replace(v: unknown, from: unknown, to: unknown): string {
  const text = toText(v);
  const old = toText(from);
  if (old === "") return text;
  return text.split(old).join(toText(to)); // split/join: no regular expressions and no `$&` patterns
}

export function truncate(v: unknown, count: unknown): unknown {
  const n = toIntArg(count, 0, Infinity);
  if (n === undefined) return v;
  const text = toText(v);
  if (!hasSurrogates(text)) return text.length > n ? text.slice(0, n) + "..." : text;
  const cps = codePoints(text);
  return cps.length > n ? cps.slice(0, n).join("") + "..." : text;
}

export function truncatewords(v: unknown, count: unknown): unknown {
  const n = toIntArg(count, 0, Infinity);
  if (n === undefined) return v;
  const text = toText(v);
  const trimmed = text.trim();
  const words = trimmed === "" ? [] : trimmed.split(/\s+/);
  return words.length > n ? words.slice(0, n).join(" ") + "..." : text;
}

export function nl2br(v: unknown): string {
  return escapeHtml(toText(v)).replace(/\r\n|\n|\r/g, "<br>$&");
}

export function stripTags(v: unknown): string {
  return toText(v).replace(/<!--[\s\S]*?-->/g, "").replace(/<\/?[A-Za-z!?][^<>]*>/g, "");
}

export function urlEncode(v: unknown): string {
  // encodeURIComponent throws on lone surrogates; they become U+FFFD first, as in the response body.
  return encodeURIComponent(toWellFormed(toText(v)));
}

export function length(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (v === undefined || v === null) return 0;
  if (typeof v === "string") return codePointLength(v);
  if (isPlainObject(v)) {
    try {
      return Object.keys(v).length;
    } catch {
      return 0;
    }
  }
  return codePointLength(toText(v));
}

export function raw(v: unknown): unknown { return v; }

/** JSON text safe inside <script>: < > & U+2028 U+2029 as \u escapes. Unserialisable values give "null". */
export function json(v: unknown): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    s = undefined;
  }
  if (typeof s !== "string") return "null";
  if (!/[<>&\u2028\u2029]/.test(s)) return s;
  return s.replace(/[<>&\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}
