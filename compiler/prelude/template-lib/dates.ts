// Date values and formatting for the date, date_add and timeago filters (SPEC §3.7): which values are dates,
// UTC formatting with longest-first tokens and quoted literals, and the relative "3 days ago" text.

const MAX_TIME = 8.64e15; // the ECMAScript time range
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const DIGITS = /^\d+$/;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function inRange(t: number): number | undefined {
  return t === t && t >= -MAX_TIME && t <= MAX_TIME ? t : undefined;
}

function fromIso(m: RegExpExecArray): number | undefined {
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const h = m[4] ? Number(m[4]) : 0, mi = m[5] ? Number(m[5]) : 0, s = m[6] ? Number(m[6]) : 0;
  const ms = m[7] ? Number((m[7] + "00").slice(0, 3)) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are
  if (date.getUTCDate() !== d) return undefined; // e.g. 2026-02-30
  date.setUTCHours(h, mi, s, ms);
  let t = date.getTime();
  const zone = m[8];
  if (zone && zone !== "Z") {
    const oh = Number(zone.slice(1, 3)), om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    t -= (zone[0] === "-" ? -1 : 1) * (oh * 60 + om) * 60000;
  }
  return inRange(t);
}

/** Milliseconds since the epoch for a date value (Date, number, digit string, "now", ISO form), else undefined. */
export function toTime(v: unknown, nowMs: number): number | undefined {
  if (typeof v === "number") return inRange(v);
  if (typeof v === "string") {
    if (v === "now") return inRange(nowMs);
    if (DIGITS.test(v)) return inRange(Number(v));
    const m = ISO.exec(v);
    return m ? fromIso(m) : undefined;
  }
  if (v instanceof Date) {
    try {
      return inRange(v.getTime());
    } catch {
      return undefined; // a Date-like object with a foreign prototype
    }
  }
  return undefined;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + (s.length >= width ? s : "0".repeat(width - s.length) + s);
}

/** One token's text, or undefined when the text at i does not start a token. Returns [text, length]. */
function token(fmt: string, i: number, d: Date): [string, number] | undefined {
  const c = fmt[i];
  let run = 1;
  while (run < 4 && fmt[i + run] === c) run++;
  switch (c) {
    case "y":
      if (run >= 4) return [pad(d.getUTCFullYear(), 4), 4];
      if (run >= 2) return [pad(((d.getUTCFullYear() % 100) + 100) % 100, 2), 2];
      return undefined;
    case "M": {
      const mo = d.getUTCMonth();
      if (run >= 4) return [MONTHS[mo], 4];
      if (run === 3) return [MONTHS[mo].slice(0, 3), 3];
      return run === 2 ? [pad(mo + 1, 2), 2] : [String(mo + 1), 1];
    }
    case "d": return run >= 2 ? [pad(d.getUTCDate(), 2), 2] : [String(d.getUTCDate()), 1];
    case "H": return run >= 2 ? [pad(d.getUTCHours(), 2), 2] : [String(d.getUTCHours()), 1];
    case "h": {
      const h = d.getUTCHours() % 12 || 12;
      return run >= 2 ? [pad(h, 2), 2] : [String(h), 1];
    }
    case "m": return run >= 2 ? [pad(d.getUTCMinutes(), 2), 2] : [String(d.getUTCMinutes()), 1];
    case "s": return run >= 2 ? [pad(d.getUTCSeconds(), 2), 2] : [String(d.getUTCSeconds()), 1];
    default: return undefined;
  }
}

/** Formats t (ms) in UTC. Tokens longest first; 'quoted text' is literal and '' is one quote, inside or outside quotes. */
export function formatDate(t: number, fmt: string): string {
  const d = new Date(t);
  let out = "";
  for (let i = 0; i < fmt.length;) {
    if (fmt[i] === "'") {
      if (fmt[i + 1] === "'") { out += "'"; i += 2; continue; }
      let j = i + 1;
      for (; j < fmt.length; j++) {
        if (fmt[j] !== "'") { out += fmt[j]; continue; }
        if (fmt[j + 1] === "'") { out += "'"; j++; continue; }
        break;
      }
      i = j + 1; // past the closing quote (an unclosed quote runs to the end)
      continue;
    }
    const tok = token(fmt, i, d);
    if (tok) { out += tok[0]; i += tok[1]; } else { out += fmt[i]; i++; }
  }
  return out;
}

const UNITS: ReadonlyArray<readonly [limit: number, size: number, name: string]> = [
  [3600, 60, "minute"], [86400, 3600, "hour"], [2592000, 86400, "day"], [31536000, 2592000, "month"],
];

/** "just now", "n units ago" or "in n units" for time t relative to nowMs. */
export function relativeTime(t: number, nowMs: number): string {
  const s = Math.round(Math.abs(nowMs - t) / 1000);
  if (s < 60) return "just now";
  let size = 31536000, name = "year";
  for (const [limit, unitSize, unitName] of UNITS) {
    if (s < limit) { size = unitSize; name = unitName; break; }
  }
  const n = Math.floor(s / size);
  const text = n + " " + name + (n === 1 ? "" : "s");
  return t < nowMs ? text + " ago" : "in " + text;
}
