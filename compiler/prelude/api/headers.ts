// `setHeader` (SPEC §4.4.3): token names, header-splitting-proof values, the blocked list and the caps.
// The runtime re-validates every header effect; this is the script-facing half of the rule.
import { hasOwn, test, toStr } from "./intrinsics.js";
import { enter, refuse, type State } from "./state.js";

export const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const BLOCKED = ["set-cookie", "set-cookie2", "cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "host", "location", "date", "server"];
const BLOCKED_PREFIXES = ["proxy-", "access-control-", "x-pagec-"];
const SPLITTING = /[\r\n\u0000]|[^\u0000-\u00ff]/;
const STRIPPED = /[\u0001-\u0008\u000a-\u001f\u007f]/g;

export function isBlockedHeader(lower: string): boolean {
  if (BLOCKED.indexOf(lower) >= 0) return true;
  for (const p of BLOCKED_PREFIXES) if (lower.startsWith(p)) return true;
  return false;
}

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
