// Builds the deep-frozen `request` global (SPEC §4.4.1) from the host's JSON. Maps with untrusted keys
// (query, headers, cookies, route_params, body objects) are null-prototype objects.
import { hasOwn, isArray } from "./intrinsics.js";
import { deepFreeze, toNullProto } from "./json.js";

/**
 * The frozen request object; missing fields get neutral values so scripts never see `undefined` there. The
 * request object itself keeps Object.prototype: its keys are fixed, not untrusted.
 */
export function buildRequest(input: unknown): object {
  const src = (input !== null && typeof input === "object" && !isArray(input) ? input : {}) as Record<string, unknown>;
  const get = (k: string): unknown => (hasOwn(src, k) ? src[k] : undefined);
  const mapOf = (v: unknown): unknown => (v !== null && typeof v === "object" && !isArray(v) ? toNullProto(v) : toNullProto({}));
  const req: Record<string, unknown> = {
    method: get("method") === "POST" ? "POST" : "GET",
    path: typeof get("path") === "string" ? get("path") : "/",
    protocol: get("protocol") === "https" ? "https" : "http",
    query: mapOf(get("query")),
    headers: mapOf(get("headers")),
    body: get("body") === undefined ? null : toNullProto(get("body")),
    ip: typeof get("ip") === "string" ? get("ip") : "",
    ip6: typeof get("ip6") === "string" ? get("ip6") : null,
    cookies: mapOf(get("cookies")),
    is_mobile: get("is_mobile") === true,
    is_tablet: get("is_tablet") === true,
    route_params: get("route_params") === null || get("route_params") === undefined ? null : mapOf(get("route_params")),
    route_slug: typeof get("route_slug") === "string" ? get("route_slug") : null,
  };
  return deepFreeze(req);
}
