// The number, collection, yes/no and date filters of SPEC §3.7. Non-numeric input to a number filter and
// non-date input to a date filter come back unchanged; nothing here throws.
import { codePoints, hasSurrogates, toText } from "./text.js";
import { formatCurrency, formatNumber, roundNumber, toIntArg, toNumber } from "./numbers.js";
import { formatDate, relativeTime, toTime } from "./dates.js";

export function round(v: unknown, places?: unknown): unknown {
  const n = toNumber(v);
  const d = places === undefined ? 0 : toIntArg(places, 0, 20);
  return n === undefined || d === undefined ? v : roundNumber(n, d);
}

export function floor(v: unknown): unknown {
  const n = toNumber(v);
  return n === undefined ? v : Math.floor(n);
}

export function ceil(v: unknown): unknown {
  const n = toNumber(v);
  return n === undefined ? v : Math.ceil(n);
}

export function abs(v: unknown): unknown {
  const n = toNumber(v);
  return n === undefined ? v : Math.abs(n);
}

export function numberFormat(v: unknown, places?: unknown): unknown {
  const n = toNumber(v);
  const d = places === undefined ? 2 : toIntArg(places, 0, 20);
  return n === undefined || d === undefined ? v : formatNumber(n, d);
}

export function currency(v: unknown, code?: unknown): unknown {
  const n = toNumber(v);
  return n === undefined ? v : formatCurrency(n, code);
}

/** yesno[:yes:no[:none]]; `argc` is the number of arguments written, so that an undefined third one still counts. */
export function yesno(v: unknown, yes: unknown, no: unknown, none: unknown, argc: number): unknown {
  if (argc >= 3 && (v === undefined || v === null)) return none;
  if (v) return argc >= 1 ? yes : "yes";
  return argc >= 2 ? no : "no";
}

export function join(v: unknown, sep?: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const s = sep === undefined ? ", " : toText(sep);
  let out = "";
  for (let i = 0; i < v.length; i++) out += (i ? s : "") + toText(v[i]);
  return out;
}

export function sort(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  if (v.every((x) => typeof x === "number")) {
    // NaN has no order; it goes last so that the comparator stays consistent.
    return (v as number[]).slice().sort((a, b) => (a !== a ? (b !== b ? 0 : 1) : b !== b ? -1 : a - b));
  }
  const keyed = v.map((x) => [toText(x), x] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); // Array.prototype.sort is stable
  return keyed.map((p) => p[1]);
}

export function reverse(v: unknown): unknown {
  if (Array.isArray(v)) return v.slice().reverse();
  const text = toText(v);
  if (!hasSurrogates(text)) {
    let out = "";
    for (let i = text.length - 1; i >= 0; i--) out += text[i];
    return out;
  }
  return codePoints(text).reverse().join("");
}

export function unique(v: unknown): unknown {
  return Array.isArray(v) ? Array.from(new Set(v)) : v;
}

export function date(v: unknown, format?: unknown): unknown {
  const t = toTime(v, Date.now());
  if (t === undefined) return v;
  return formatDate(t, typeof format === "string" ? format : "MMM d, yyyy");
}

export function dateAdd(v: unknown, days: unknown): unknown {
  const t = toTime(v, Date.now());
  const n = toNumber(days);
  if (t === undefined || n === undefined) return v;
  const r = new Date(t + n * 86400000);
  return r.getTime() === r.getTime() ? r : v; // out of the Date range: unchanged
}

/** timeago relative to an explicit "now" (ms), so that it can be tested. */
export function timeagoAt(v: unknown, nowMs: number): unknown {
  const t = toTime(v, nowMs);
  return t === undefined ? v : relativeTime(t, nowMs);
}

export function timeago(v: unknown): unknown {
  return timeagoAt(v, Date.now());
}
