// Cookie header parsing and Set-Cookie serialisation (SPEC §4.4.3, §6.7).
export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name === "__proto__" || name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try { out[name] = decodeURIComponent(value); } catch { out[name] = value; }
  }
  return out;
}

export interface CookieWrite { name: string; value: string; path: string; maxAge?: number; httpOnly?: boolean; secure?: boolean; sameSite: "Lax" | "Strict" | "None" }

/** `name=value; Path=<path>[; Max-Age=<n>][; HttpOnly]; SameSite=<s>[; Secure]` — value already encoded. */
export function serializeCookie(c: CookieWrite): string {
  let s = `${c.name}=${c.value}; Path=${c.path}`;
  if (c.maxAge !== undefined) s += `; Max-Age=${c.maxAge}`;
  if (c.httpOnly) s += "; HttpOnly";
  s += `; SameSite=${c.sameSite}`;
  if (c.secure || c.sameSite === "None") s += "; Secure";
  return s;
}
