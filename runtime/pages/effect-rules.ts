// Host-side re-validation of security-relevant effects (SPEC §8.5 "the runtime is the authority", §4.4).
// The sandbox validates too, but user code shares its context and could tamper with the prelude.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BLOCKED_HEADERS = new Set(["set-cookie", "set-cookie2", "cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "host", "location", "date", "server"]);
const RESERVED_SESSION_KEYS = new Set(["id", "is_customer", "email", "customer_id", "customer", "created_at", "expires_at", "constructor", "prototype", "__proto__"]);
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isToken(name: unknown): name is string { return typeof name === "string" && TOKEN.test(name); }

export function headerAllowed(name: string): boolean {
  const n = name.toLowerCase();
  return isToken(name) && !BLOCKED_HEADERS.has(n) && !n.startsWith("proxy-") && !n.startsWith("access-control-") && !n.startsWith("x-pagec-");
}

/** Header values: no CR/LF/NUL, nothing above U+00FF; other controls except tab removed; ≤ 8,192 bytes. */
export function cleanHeaderValue(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (/[\r\n\0]|[^\u0000-\u00ff]/.test(value)) return null;
  const v = value.replace(/[\u0001-\u0008\u000a-\u001f\u007f]/g, "");
  return Buffer.byteLength(v, "latin1") <= 8192 ? v : null;
}

export function cookieNameReserved(name: string, sessionCookie: string): boolean {
  const n = name.toLowerCase();
  return name === sessionCookie || n === "hop" || n === "subid" || n === "aff" || n.startsWith("pagec_") || n.startsWith("__pagec");
}

export function sessionKeyAllowed(key: unknown): key is string {
  return typeof key === "string" && key.length > 0 && key.length <= 128 && !RESERVED_SESSION_KEYS.has(key) && !key.startsWith("custom_") && !key.startsWith("pagec_") && !key.startsWith("_");
}

export function variableKeyAllowed(key: unknown): key is string {
  return typeof key === "string" && key.length >= 1 && key.length <= 200 && key !== "__proto__" && key !== "constructor" && key !== "prototype";
}

/** SPEC §4.4.2 redirect targets, judged after WHATWG URL parsing for absolute URLs. */
export function redirectAllowed(url: unknown): url is string {
  if (typeof url !== "string" || url.length === 0 || /[\u0000-\u0020\u007f\\]/.test(url)) return false;
  if (url.startsWith("/")) return url[1] !== "/";
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "" && u.username === "" && u.password === "";
  } catch { return false; }
}

export function statusAllowed(code: unknown): code is number {
  return typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 599;
}

export function cookiePathAllowed(path: unknown): path is string {
  return typeof path === "string" && path.startsWith("/") && !/[\s\u0000-\u001f\u007f;,]/.test(path);
}
