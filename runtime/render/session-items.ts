// Session items as written by templates and scripts (SPEC §3.2.3, §4.4.4): key sanitising and value rules.
export const MAX_ITEM_BYTES = 65536;

export function sanitizeItemKey(key: unknown): string | null {
  const k = String(key ?? "").replace(/[^A-Za-z0-9_]/g, "");
  return k && k !== "__proto__" && k !== "constructor" && k !== "prototype" ? k : null;
}

/** The stored form of a value, or undefined for "delete", or null when it is too large (dropped). */
export function itemValue(value: unknown): string | number | undefined | null {
  if (value === null || value === undefined) return undefined;
  let v: string | number;
  if (typeof value === "string" || typeof value === "number") v = value;
  else { try { v = JSON.stringify(value) ?? ""; } catch { return null; } }
  if (typeof v === "string" && Buffer.byteLength(v) > MAX_ITEM_BYTES) return null;
  return v;
}
