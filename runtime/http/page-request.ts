// The request object scripts and templates see (SPEC §4.4.1, §3.6, §6.5, §6.6): plain data built on the host,
// copied into the isolate as JSON. Headers are limited to the documented four.
import { parseParams } from "./query.js";
import { parseCookieHeader } from "./cookies.js";

export interface PageRequest {
  method: "GET" | "POST";
  path: string;
  protocol: "http" | "https";
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
  ip: string;
  ip6: string | null;
  cookies: Record<string, string>;
  is_mobile: boolean;
  is_tablet: boolean;
  route_params: Record<string, string> | null;
  route_slug: string | null;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress: string;
  encrypted: boolean;
  body: unknown;
}

const TABLET = /iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobile)/i;
const MOBILE = /Mobi|iPhone|iPod|Android|Windows Phone|IEMobile|BlackBerry|BB10|Opera Mini|webOS/i;
const KEPT_HEADERS = ["user-agent", "referer", "accept-language", "host"];

export function device(ua: string | undefined): { is_mobile: boolean; is_tablet: boolean } {
  if (!ua) return { is_mobile: false, is_tablet: false };
  const is_tablet = TABLET.test(ua);
  return { is_tablet, is_mobile: !is_tablet && MOBILE.test(ua) };
}

function header(h: RawRequest["headers"], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export function clientAddress(raw: RawRequest, trustProxy: boolean): { ip: string; ip6: string | null; protocol: "http" | "https" } {
  let addr = raw.remoteAddress || "";
  let protocol: "http" | "https" = raw.encrypted ? "https" : "http";
  if (trustProxy) {
    const xff = header(raw.headers, "x-forwarded-for");
    if (xff) addr = xff.split(",")[0].trim();
    const proto = header(raw.headers, "x-forwarded-proto");
    if (proto) protocol = proto.split(",")[0].trim().toLowerCase() === "https" ? "https" : "http";
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  if (mapped) return { ip: mapped[1], ip6: null, protocol };
  return addr.includes(":") ? { ip: addr, ip6: addr, protocol } : { ip: addr, ip6: null, protocol };
}

export function buildPageRequest(raw: RawRequest, opts: { trustProxy: boolean; sessionCookie: string; params: Record<string, string> | null; routeSlug: string | null }): PageRequest {
  const q = raw.url.indexOf("?");
  const path = q < 0 ? raw.url : raw.url.slice(0, q);
  const headers: Record<string, string> = Object.create(null);
  for (const name of KEPT_HEADERS) { const v = header(raw.headers, name); if (v !== undefined) headers[name] = v; }
  const cookies = parseCookieHeader(header(raw.headers, "cookie"));
  delete cookies[opts.sessionCookie];
  const { ip, ip6, protocol } = clientAddress(raw, opts.trustProxy);
  return {
    method: raw.method === "POST" ? "POST" : "GET",
    path,
    protocol,
    query: parseParams(q < 0 ? "" : raw.url.slice(q + 1)),
    headers,
    body: raw.method === "POST" ? raw.body : null,
    ip, ip6,
    cookies,
    ...device(headers["user-agent"]),
    route_params: opts.params,
    route_slug: opts.routeSlug,
  };
}

/** The template view adds the platform members `is_customer`, `referrer` and `device` (SPEC §3.6). */
export function templateRequest(r: PageRequest, isCustomer: boolean): Record<string, unknown> {
  return {
    ...r,
    is_customer: isCustomer,
    referrer: r.headers.referer,
    device: { type: r.is_mobile ? "mobile" : r.is_tablet ? "tablet" : "desktop", user_agent: r.headers["user-agent"] },
  };
}
