// `setHeader` and `cookie.set` / `cookie.delete` (SPEC §4.4.3): token names, header-splitting-proof values,
// option rules (TypeError), the blocked and reserved names and the caps (false + warn). The runtime
// re-validates every header and cookie effect; this is the script-facing half of the rules.
import { encodeComponent, freeze, hasOwn, isArray, isFinite, mathFloor, test, toStr } from "./intrinsics.js";
import { enter, refuse, type State } from "./state.js";

import { TOKEN, isBlockedHeader, isReservedCookie } from "./policy.js";
export { TOKEN, isBlockedHeader };
const SPLITTING = /[\r\n\u0000]|[^\u0000-\u00ff]/;
const STRIPPED = /[\u0001-\u0008\u000a-\u001f\u007f]/g;

export function createSetHeader(s: State): (name: unknown, value: unknown) => boolean {
  return function setHeader(name: unknown, value: unknown): boolean {
    enter(s);
    if (typeof name !== "string" || !test(TOKEN, name)) throw new TypeError("setHeader: invalid header name");
    let text = toStr(value);
    if (test(SPLITTING, text)) throw new TypeError("setHeader: invalid header value");
    text = text.replace(STRIPPED, "");
    const lower = name.toLowerCase();
    if (isBlockedHeader(lower)) return refuse(s, `setHeader: header "${name}" is blocked`);
    if (text.length > 8192) return refuse(s, `setHeader: value of "${name}" exceeds 8192 bytes`);
    const known = hasOwn(s.headerNames, lower);
    if (!known && s.headerCount >= 50) return refuse(s, `setHeader: too many headers (limit 50), "${name}" not set`);
    if (!known) {
      s.headerNames[lower] = true;
      s.headerCount++;
    }
    s.host.effect({ t: "header", name, value: text });
    return true;
  };
}

const BAD_PATH = /[\s\u0000-\u001f\u007f;,]/;
const SAME_SITE = ["Lax", "Strict", "None"];

export interface CookieApi { set(name: unknown, value: unknown, options?: unknown): boolean; delete(name: unknown, options?: unknown): boolean }

function isReserved(s: State, name: string): boolean {
  return isReservedCookie(name, s.sessionCookieName);
}

function readOptions(fn: string, options: unknown): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || isArray(options)) throw new TypeError(`${fn}: options must be an object`);
  return options as Record<string, unknown>;
}

function readPath(fn: string, o: Record<string, unknown>): string {
  const path = o.path;
  if (path === undefined) return "/";
  if (typeof path !== "string" || path[0] !== "/" || test(BAD_PATH, path)) throw new TypeError(`${fn}: invalid path`);
  return path;
}

function readBool(fn: string, key: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: "${key}" must be a boolean`);
  return v;
}

export function createCookie(s: State): CookieApi {
  const checkName = (fn: string, name: unknown): string => {
    if (typeof name !== "string" || !test(TOKEN, name)) throw new TypeError(`${fn}: invalid cookie name`);
    return name;
  };
  const allowOp = (fn: string, name: string): boolean => {
    if (isReserved(s, name)) return refuse(s, `${fn}: cookie name "${name}" is reserved`);
    if (s.cookieOps >= 50) return refuse(s, `${fn}: too many cookie operations (limit 50)`);
    return true;
  };
  return freeze({
    set(name: unknown, value: unknown, options?: unknown): boolean {
      enter(s);
      const n = checkName("cookie.set", name);
      const encoded = encodeComponent(toStr(value));
      if (encoded === null) throw new TypeError("cookie.set: value cannot be encoded");
      const o = readOptions("cookie.set", options);
      const rawMax = o.maxAge;
      let maxAge: number | null = null;
      if (rawMax !== undefined) {
        if (typeof rawMax !== "number" || !isFinite(rawMax) || rawMax < 0) throw new TypeError("cookie.set: maxAge must be a finite number >= 0");
        maxAge = mathFloor(rawMax);
      }
      const path = readPath("cookie.set", o);
      const httpOnly = readBool("cookie.set", "httpOnly", o.httpOnly, false);
      let secure = readBool("cookie.set", "secure", o.secure, s.secure);
      const sameSite = o.sameSite === undefined ? "Lax" : o.sameSite;
      if (typeof sameSite !== "string" || SAME_SITE.indexOf(sameSite) < 0) throw new TypeError('cookie.set: sameSite must be "Lax", "Strict" or "None"');
      if (sameSite === "None") secure = true;
      if (!allowOp("cookie.set", n)) return false;
      if (encoded.length > 4096) return refuse(s, `cookie.set: encoded value of "${n}" exceeds 4096 bytes`);
      s.cookieOps++;
      s.host.effect({ t: "cookie", op: "set", name: n, value: encoded, maxAge, path, httpOnly, secure, sameSite });
      return true;
    },
    delete(name: unknown, options?: unknown): boolean {
      enter(s);
      const n = checkName("cookie.delete", name);
      const o = readOptions("cookie.delete", options);
      const path = readPath("cookie.delete", o);
      if (!allowOp("cookie.delete", n)) return false;
      s.cookieOps++;
      s.host.effect({ t: "cookie", op: "delete", name: n, value: "", maxAge: 0, path, httpOnly: false, secure: false, sameSite: "Lax" });
      return true;
    },
  });
}
