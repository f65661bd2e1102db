// The built-in names of a render (SPEC §3.6), built from the request, the merged variables and the session
// as they stand after the script phase.
import { templateRequest, type PageRequest } from "../http/page-request.js";

export interface RenderInputSource {
  request: PageRequest;
  /** Raw query string without "?" (the `queryparams` platform variable). */
  rawQuery: string;
  /** Brand variables merged with setVariable values (null-prototype; setVariable wins). */
  variables: Record<string, unknown>;
  customer: Record<string, unknown> | null;
  siteName: string | null;
}

export function buildRenderInput(s: RenderInputSource): Record<string, unknown> {
  const isCustomer = s.customer !== null;
  const host = s.request.headers.host ?? "";
  return {
    var: s.variables,
    request: templateRequest(s.request, isCustomer),
    query: s.request.query,
    customer: s.customer,
    is_customer: isCustomer,
    is_mobile: s.request.is_mobile,
    is_tablet: s.request.is_tablet,
    route_params: s.request.route_params,
    route_slug: s.request.route_slug,
    queryparams: s.rawQuery,
    domain: host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0],
    brand_name: s.siteName ?? "",
    customer_name: isCustomer && typeof s.customer?.name === "string" ? s.customer.name : "",
  };
}

/** Shallow merge into a null-prototype object without ever going through a `__proto__` setter. */
export function mergeVariables(brand: Record<string, unknown>, set: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(brand)) out[k] = brand[k];
  for (const [k, v] of set) out[k] = v;
  return out;
}
