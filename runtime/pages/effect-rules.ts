// Host-side re-validation of security-relevant effects (SPEC §8.5 "the runtime is the authority", §4.4).
// The sandbox validates too, but user code shares its context and could tamper with the prelude.
import { isAllowedRedirectUrl } from "../../compiler/prelude/api/redirect-url.js";
import { TOKEN, isBlockedHeader, isReservedCookie, isReservedSessionKey, REDIRECT_STATUSES as STATUSES } from "../../compiler/prelude/api/policy.js";

export const REDIRECT_STATUSES = new Set(STATUSES);

export function isToken(name: unknown): name is string { return typeof name === "string" && TOKEN.test(name); }

export function headerAllowed(name: string): boolean {
  return isToken(name) && !isBlockedHeader(name);
}

/** Header values: no CR/LF/NUL, nothing above U+00FF; other controls except tab removed; ≤ 8,192 bytes. */
export function cleanHeaderValue(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (/[\r\n\0]|[^\u0000-\u00ff]/.test(value)) return null;
  const v = value.replace(/[\u0001-\u0008\u000a-\u001f\u007f]/g, "");
  return Buffer.byteLength(v, "latin1") <= 8192 ? v : null;
}

export function cookieNameReserved(name: string, sessionCookie: string): boolean {
  return isReservedCookie(name, sessionCookie);
}

export function sessionKeyAllowed(key: unknown): key is string {
  return typeof key === "string" && key.length > 0 && key.length <= 128 && !isReservedSessionKey(key);
}

export function variableKeyAllowed(key: unknown): key is string {
  return typeof key === "string" && key.length >= 1 && key.length <= 200 && key !== "__proto__" && key !== "constructor" && key !== "prototype";
}

/** SPEC §4.4.2 redirect targets: the sandbox's own (strict) rule, applied again on the host. */
export function redirectAllowed(url: unknown): url is string {
  return isAllowedRedirectUrl(url);
}

export function statusAllowed(code: unknown): code is number {
  return typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 599;
}

export function cookiePathAllowed(path: unknown): path is string {
  return typeof path === "string" && path.startsWith("/") && !/[\s\u0000-\u001f\u007f;,]/.test(path);
}
