// The script phase (SPEC §4.1, §8.5): runs the page's units in order and settles as soon as a terminal call
// happens or the last unit settles; an uncaught error or rejection becomes one `error` effect.
import { freeze, isArray, PromiseCtor, reflectApply, thenOf, toStr } from "./intrinsics.js";
import { buildRequest } from "./request.js";
import { refreshCustomerView } from "./customer.js";
import { emptySession, type State } from "./state.js";
import { toNullProto } from "./json.js";

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

