// The redirect target check of SPEC §4.4.2. There is no URL global in the sandbox, so the WHATWG parser's
// verdict for http(s) URLs is reproduced here, strictly: anything it might parse differently is refused.
import { test } from "./intrinsics.js";

const FORBIDDEN_ANYWHERE = /[\u0000-\u0020\u007f\\]/;
const ABSOLUTE = /^https?:\/\//i;
const DOMAIN = /^[A-Za-z0-9\-._~!$&'()*+,;=]+$/;
const NUMERIC_LABEL = /^(?:0[xX][0-9a-fA-F]*|[0-9]+)$/;
const PORT = /^[0-9]*$/;

/** True when `url` is an allowed redirect target: "/path" (not "//…") or http(s)://host… without userinfo. */
export function isAllowedRedirectUrl(url: unknown): boolean {
  if (typeof url !== "string" || url.length === 0) return false;
  if (test(FORBIDDEN_ANYWHERE, url)) return false;
  if (url[0] === "/") return url.length === 1 || url[1] !== "/";
  if (!test(ABSOLUTE, url)) return false;
  const rest = url.slice(url.indexOf("//") + 2);
  let end = rest.length;
  for (const c of ["/", "?", "#"]) {
    const i = rest.indexOf(c);
    if (i >= 0 && i < end) end = i;
  }
  return isValidAuthority(rest.slice(0, end));
}

function isValidAuthority(authority: string): boolean {
  if (authority.length === 0 || authority.indexOf("@") >= 0) return false;
  let host = authority;
  let port = "";
  if (authority[0] === "[") {
    const close = authority.indexOf("]");
    if (close < 0) return false;
    host = authority.slice(1, close);
    const after = authority.slice(close + 1);
    if (after.length > 0) {
      if (after[0] !== ":") return false;
      port = after.slice(1);
    }
    if (!isValidIpv6(host)) return false;
  } else {
    const colon = authority.lastIndexOf(":");
    if (colon >= 0) {
      port = authority.slice(colon + 1);
      host = authority.slice(0, colon);
    }
    if (!isValidDomain(host)) return false;
  }
  if (!test(PORT, port)) return false;
  return port.length === 0 || Number(port) <= 65535;
}

/** ASCII domains only (IDNA is refused, as strictness demands); numeric hosts must be valid IPv4. */
function isValidDomain(host: string): boolean {
  if (host.length === 0 || !test(DOMAIN, host)) return false;
  const labels = host.split(".");
  if (labels.length > 1 && labels[labels.length - 1] === "") labels.pop();
  const last = labels[labels.length - 1];
  if (!test(NUMERIC_LABEL, last)) return true;
  return isValidIpv4(labels);
}

function parseIpv4Part(part: string): number {
  if (part === "") return NaN;
  if (/^0[xX]/.test(part)) return part.length === 2 ? 0 : /^0[xX][0-9a-fA-F]+$/.test(part) ? parseInt(part.slice(2), 16) : NaN;
  if (part.length > 1 && part[0] === "0") return /^[0-7]+$/.test(part) ? parseInt(part, 8) : NaN;
  return /^[0-9]+$/.test(part) ? parseInt(part, 10) : NaN;
}

function isValidIpv4(labels: string[]): boolean {
  if (labels.length > 4) return false;
  const nums = labels.map(parseIpv4Part);
  for (let i = 0; i < nums.length; i++) {
    if (!(nums[i] >= 0)) return false;
    if (i < nums.length - 1 && nums[i] > 255) return false;
  }
  return nums[nums.length - 1] < 256 ** (5 - nums.length);
}

function isValidIpv6(host: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(host)) return false;
  const double = host.indexOf("::");
  if (double >= 0 && host.indexOf("::", double + 1) >= 0) return false;
  let groups = host.split(":");
  let ipv4 = 0;
  const last = groups[groups.length - 1];
  if (last.indexOf(".") >= 0) {
    if (!/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(last)) return false;
    groups = groups.slice(0, -1);
    ipv4 = 2;
    if (groups.length > 0 && groups[groups.length - 1] === "" && double < 0) return false;
  }
  if (double >= 0) {
    const [a, b] = host.split("::");
    const left = a === "" ? [] : a.split(":");
    const rightText = ipv4 ? b.slice(0, Math.max(0, b.lastIndexOf(":"))) : b;
    const right = rightText === "" ? [] : rightText.split(":");
    if (![...left, ...right].every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
    return left.length + right.length + ipv4 <= 7;
  }
  return groups.length + ipv4 === 8 && groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g));
}
