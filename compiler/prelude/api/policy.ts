// The one copy of the sandbox API's name policies (SPEC §4.4.2–§4.4.4): header-name syntax and blocked
// headers, reserved cookie names, reserved session keys, redirect statuses. The prelude enforces them in the
// isolate, the static analysis reports literal violations, and the runtime re-validates every effect.
// No dependencies and no host-only globals, so the prelude can bundle it.

/** HTTP token syntax: header and cookie names. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const BLOCKED_HEADERS = ["set-cookie", "set-cookie2", "cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "host", "location", "date", "server"];
const BLOCKED_PREFIXES = ["proxy-", "access-control-", "x-pagec-"];

/** Headers a script may not set (compared case-insensitively). */
export function isBlockedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (BLOCKED_HEADERS.indexOf(lower) >= 0) return true;
  for (const p of BLOCKED_PREFIXES) if (lower.startsWith(p)) return true;
  return false;
}

/** Cookie names reserved by the runtime: the session cookie, the platform's tracking cookies, pagec_* and __pagec*. */
export function isReservedCookie(name: string, sessionCookieName: string): boolean {
  return name === sessionCookieName || name === "hop" || name === "subid" || name === "aff" || name.startsWith("pagec_") || name.startsWith("__pagec");
}

const RESERVED_SESSION_KEYS = ["id", "is_customer", "email", "customer_id", "customer", "created_at", "expires_at", "constructor", "prototype", "__proto__"];

/** Session keys not readable or writable through session.get/set. */
export function isReservedSessionKey(key: string): boolean {
  return RESERVED_SESSION_KEYS.indexOf(key) >= 0 || key.startsWith("custom_") || key.startsWith("pagec_") || key.startsWith("_");
}

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
