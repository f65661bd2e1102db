// Poisoning-safe parsing of query strings, form bodies and JSON bodies (SPEC §6.3, §4.4.1): null-prototype
// objects, repeated keys become arrays, at most 1,000 parameters, `__proto__` keys (and `prototype` under
// `constructor`) removed at every depth.
const MAX_PARAMS = 1000;

function decode(s: string): string {
  const plus = s.replace(/\+/g, " ");
  try { return decodeURIComponent(plus); } catch { return plus; }
}

export function parseParams(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  if (!text) return out;
  let count = 0;
  for (const part of text.split("&")) {
    if (!part) continue;
    if (++count > MAX_PARAMS) break;
    const eq = part.indexOf("=");
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    if (key === "__proto__") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

/** Removes `__proto__` keys and `constructor.prototype` at every depth; returns null-prototype objects. */
export function sanitizeJson(v: unknown, depth = 0): unknown {
  if (depth > 512) return null;
  if (Array.isArray(v)) return v.map((x) => sanitizeJson(x, depth + 1));
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(v)) {
      if (k === "__proto__") continue;
      let val = (v as Record<string, unknown>)[k];
      if (k === "constructor" && val && typeof val === "object" && !Array.isArray(val)) {
        const { prototype: _drop, ...rest } = val as Record<string, unknown>;
        val = rest;
      }
      out[k] = sanitizeJson(val, depth + 1);
    }
    return out;
  }
  return v;
}

/** Parses a POST body per SPEC §6.3; null for anything not JSON or form-urlencoded, empty, invalid or too large. */
export function parseBody(raw: Buffer | null, contentType: string | undefined, maxBodyBytes: number): { body: unknown; dropped: boolean } {
  if (!raw || raw.length === 0) return { body: null, dropped: false };
  if (raw.length > maxBodyBytes) return { body: null, dropped: true };
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json" || /^application\/[^/]*\+json$/.test(type)) {
    try { return { body: sanitizeJson(JSON.parse(raw.toString("utf8"))), dropped: false }; } catch { return { body: null, dropped: false }; }
  }
  if (type === "application/x-www-form-urlencoded") return { body: parseParams(raw.toString("utf8")), dropped: false };
  return { body: null, dropped: false };
}
