// The script phase (SPEC §4.1, §8.5): loads the request (deep-frozen, §4.4.1) and session, runs the page's units
// in order, and settles as soon as a terminal call happens or the last unit settles; an uncaught error or
// rejection becomes one `error` effect.
import { freeze, hasOwn, isArray, PromiseCtor, reflectApply, thenOf, toStr } from "./intrinsics.js";
import { refreshCustomerView } from "./session.js";
import { emptySession, type State } from "./state.js";
import { deepFreeze, toNullProto } from "./json.js";

/** Reads one property of a thrown value without letting a hostile getter escape. */
function prop(e: unknown, key: string): string | null {
  try {
    const v = (e as Record<string, unknown>)[key];
    return v === undefined || v === null ? null : toStr(v);
  } catch {
    return null;
  }
}

export function reportError(s: State, e: unknown): void {
  let name = "Error", message = "", stack = "";
  if (e !== null && (typeof e === "object" || typeof e === "function")) {
    name = prop(e, "name") ?? "Error";
    message = prop(e, "message") ?? "";
    stack = prop(e, "stack") ?? "";
  } else {
    try { message = toStr(e); } catch { message = ""; }
  }
  s.host.effect({ t: "error", name, message, stack });
}

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

/** Loads the request and session of the script input into the state. */
function loadInput(s: State, input: Record<string, unknown>): void {
  s.request = buildRequest(input.request);
  s.secure = (s.request as { protocol: string }).protocol === "https";
  const sess = emptySession();
  const src = input.session as Record<string, unknown> | null | undefined;
  if (src !== null && typeof src === "object") {
    sess.exists = src.exists === true;
    if (src.data !== null && typeof src.data === "object" && !isArray(src.data)) sess.data = toNullProto(src.data) as Record<string, unknown>;
    if (src.items !== null && typeof src.items === "object" && !isArray(src.items)) sess.items = toNullProto(src.items) as Record<string, string | number>;
    if (src.customer !== null && typeof src.customer === "object" && !isArray(src.customer)) sess.customer = toNullProto(src.customer) as Record<string, unknown>;
    if (typeof src.customer_id === "string" || typeof src.customer_id === "number") sess.customer_id = src.customer_id;
    if (typeof src.email === "string") sess.email = src.email;
  }
  s.session = sess;
  refreshCustomerView(s);
}

/** Runs the script phase of `input.page`. Never rejects. */
export function runScript(s: State, input: Record<string, unknown>, pc: object): Promise<void> {
  return new PromiseCtor<void>((resolve) => {
    s.finish = () => {
      if (s.phase === "running") s.phase = "ended";
      s.finish = () => {};
      resolve();
    };
    const end = (): void => { if (s.phase === "running") s.phase = "ended"; s.finish(); };
    const fail = (e: unknown): void => {
      if (s.phase === "running" && e !== s.halt) reportError(s, e);
      end();
    };
    let units: unknown;
    try {
      loadInput(s, input);
      const page = typeof input.page === "string" ? input.page : "";
      const factory = s.pages[page];
      if (typeof factory !== "function") throw new Error(`pagec: page "${page}" is not defined in this context`);
      s.phase = "running";
      const made = reflectApply(factory, undefined, [pc]);
      units = isArray(made) ? made : made !== null && typeof made === "object" ? (made as { units?: unknown }).units : undefined;
      if (!isArray(units)) throw new Error("pagec: the page factory returned no units");
    } catch (e) {
      s.phase = "running";
      fail(e);
      return;
    }
    const list = units as unknown[];
    const done = (async () => {
      for (let i = 0; i < list.length; i++) {
        if (s.phase !== "running") return;
        await reflectApply(list[i] as Function, undefined, []);
      }
    })();
    thenOf(done, end, fail);
  });
}

/** The `__pc` object given to page factories: the halt-aware rethrow and the schema hooks (SPEC §8.7). */
export function makePc(s: State, schema: unknown, helpers: unknown): object {
  return freeze({
    rethrow(e: unknown): void {
      if (s.phase === "halted" || e === s.halt) throw e;
    },
    schema,
    sh: helpers,
  });
}

