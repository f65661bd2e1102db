// The literal rules of the sandbox API (SPEC §4.4.2–§4.4.4) as the static checks need them. Kept here rather
// than imported from the prelude, whose internals are free to change; the spec is the shared contract.

/** HTTP token syntax: header and cookie names. */
export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const BLOCKED_HEADERS = ["set-cookie", "set-cookie2", "cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "host", "location", "date", "server"];
const BLOCKED_PREFIXES = ["proxy-", "access-control-", "x-pagec-"];

export function isBlockedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return BLOCKED_HEADERS.includes(lower) || BLOCKED_PREFIXES.some((p) => lower.startsWith(p));
}

export function isReservedCookie(name: string, sessionCookieName: string): boolean {
  return name === sessionCookieName || name === "hop" || name === "subid" || name === "aff" || name.startsWith("pagec_") || name.startsWith("__pagec");
}

const RESERVED_SESSION_KEYS = ["id", "is_customer", "email", "customer_id", "customer", "created_at", "expires_at", "constructor", "prototype"];

export function isReservedSessionKey(key: string): boolean {
  return RESERVED_SESSION_KEYS.includes(key) || key.startsWith("custom_") || key.startsWith("pagec_") || key.startsWith("_");
}

/** redirect(url): "/path" (not "//…") or an http(s) URL the WHATWG parser accepts with a host and no credentials. */
export function isAllowedRedirectUrl(url: string): boolean {
  if (url.length === 0 || /[\u0000-\u0020\u007f\\]/.test(url)) return false;
  if (url[0] === "/") return url.length === 1 || url[1] !== "/";
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return u.hostname !== "" && u.username === "" && u.password === "";
  } catch {
    return false;
  }
}
