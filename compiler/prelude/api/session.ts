// The `session` global (SPEC §4.4.4, §4.4.5): keyed data with reserved keys and size caps, the identity behind
// `customer` / `getCustomer()` / `is_customer` (setCustomer, clearCustomer, refreshed live), and the hand-off
// token promises backed by the `token.mint` / `token.open` host ops.
import { isReservedSessionKey } from "./policy.js";
import { freeze, hasOwn, isFinite, jsonParse, nullObj, put, resolved, toStr, utf8Length } from "./intrinsics.js";
import { encodeJson, jsonText } from "./json.js";
import { enter, refuse, type State } from "./state.js";

const MAX_VALUE_BYTES = 65536;
export const MAX_SESSION_BYTES = 262144;

export { isReservedSessionKey };

/** Size of the serialised session record (SPEC §6.8 `data` column), for the maxSessionBytes rule. */
export function sessionBytes(s: State): number {
  const x = s.session;
  return utf8Length(encodeJson(nullObj({ data: x.data, items: x.items, customer: x.customer, customer_id: x.customer_id, email: x.email })));
}

function checkKey(fn: string, key: unknown): string {
  if (typeof key !== "string" || key.length === 0 || key.length > 128) throw new TypeError(`${fn}: key must be a non-empty string of at most 128 characters`);
  return key;
}

const VIEW_KEYS = ["email", "name", "first_name", "last_name", "id"];

/** Recomputes the frozen customer view after the identity changed. */
export function refreshCustomerView(s: State): void {
  const c = s.session.customer;
  if (c === null) {
    s.customerView = null;
    return;
  }
  const view: Record<string, unknown> = {};
  for (const k of VIEW_KEYS) {
    const v = hasOwn(c, k) ? c[k] : undefined;
    if (k === "id" ? typeof v === "string" || (typeof v === "number" && isFinite(v)) : typeof v === "string") put(view, k, v);
  }
  if (!hasOwn(view, "email")) put(view, "email", s.session.email ?? "");
  s.customerView = freeze(view);
}

/** Replaces the identity and reports it (`op` = set | clear | replace). */
export function setIdentity(s: State, op: "set" | "clear" | "replace", customer: Record<string, unknown> | null, customerId: string | number | null, email: string | null): void {
  s.session.customer = customer;
  s.session.customer_id = customerId;
  s.session.email = email;
  s.session.exists = true;
  refreshCustomerView(s);
  s.host.effect({ t: "identity", op, customer, customer_id: customerId, email });
}

/** The identity record handed to `token.mint` (SPEC §4.4.4 token plaintext). */
export function currentIdentity(s: State): object {
  return { email: s.session.email, customer_id: s.session.customer_id, customer: s.session.customer };
}

/** Reads an identity answered by `token.open` (either `{ identity: … }` or the identity itself). */
export function readIdentity(result: unknown): { customer: Record<string, unknown> | null; customer_id: string | number | null; email: string | null } | null {
  if (result === null || typeof result !== "object") return null;
  let r = result as Record<string, unknown>;
  if (hasOwn(r, "identity") && r.identity !== null && typeof r.identity === "object") r = r.identity as Record<string, unknown>;
  const customer = r.customer !== null && typeof r.customer === "object" ? nullObj({ ...(r.customer as object) }) as Record<string, unknown> : null;
  const id = r.customer_id;
  const customerId = typeof id === "string" || (typeof id === "number" && isFinite(id)) ? id : null;
  const email = typeof r.email === "string" ? r.email : customer && typeof customer.email === "string" ? toStr(customer.email) : null;
  if (customer === null && email === null) return null;
  return { customer: customer ?? (email !== null ? nullObj({ email }) : null), customer_id: customerId, email };
}

export interface SessionApi {
  get(key: unknown): unknown;
  set(key: unknown, value: unknown): boolean;
  setCustomer(fields: unknown): boolean;
  clearCustomer(): boolean;
  getToken(ttlSeconds?: unknown): Promise<string | null>;
  setFromToken(token: unknown): Promise<boolean>;
}

export function createSession(s: State): SessionApi {
  return freeze({
    get(key: unknown): unknown {
      enter(s);
      if (typeof key !== "string") throw new TypeError("session.get: key must be a string");
      if (isReservedSessionKey(key) || !hasOwn(s.session.data, key)) return null;
      return jsonParse(encodeJson(s.session.data[key]));
    },
    set(key: unknown, value: unknown): boolean {
      enter(s);
      const k = checkKey("session.set", key);
      if (isReservedSessionKey(k)) return refuse(s, `session.set: key "${k}" is reserved`);
      const text = value === undefined || value === null ? "null" : jsonText(value);
      enter(s); // a getter or toJSON may have ended the phase
      const data = s.session.data;
      if (text === "null") {
        delete data[k];
        s.host.effect({ t: "session", op: "delete", key: k, value: null });
        return true;
      }
      if (utf8Length(text) > MAX_VALUE_BYTES) return refuse(s, `session.set: value of "${k}" exceeds 65536 bytes`);
      const had = hasOwn(data, k);
      const before = data[k];
      const copy = jsonParse(text);
      data[k] = copy;
      if (sessionBytes(s) > MAX_SESSION_BYTES) {
        if (had) data[k] = before; else delete data[k];
        return refuse(s, `session.set: the session would exceed ${MAX_SESSION_BYTES} bytes`);
      }
      s.session.exists = true;
      s.host.effect({ t: "session", op: "set", key: k, value: copy });
      return true;
    },
    setCustomer(fields: unknown): boolean {
      enter(s);
      s.setCustomerCalls++;
      if (s.setCustomerCalls > 5) return refuse(s, "session.setCustomer: more than 5 calls in one request");
      if (fields === null || typeof fields !== "object") return refuse(s, "session.setCustomer: expected an object with an email");
      const f = fields as Record<string, unknown>;
      const email = f.email, name = f.name, first = f.first_name, last = f.last_name, id = f.id;
      if (typeof email !== "string" || email.indexOf("@") < 0 || email.length > 254) return refuse(s, "session.setCustomer: invalid email");
      for (const v of [name, first, last]) if (v !== undefined && typeof v !== "string") return refuse(s, "session.setCustomer: name fields must be strings");
      if (id !== undefined && typeof id !== "string" && !(typeof id === "number" && isFinite(id))) return refuse(s, "session.setCustomer: id must be a string or a number");
      enter(s);
      const merged: Record<string, unknown> = nullObj({ ...(s.session.customer ?? {}) });
      merged.email = email;
      if (first !== undefined) merged.first_name = first;
      if (last !== undefined) merged.last_name = last;
      if (id !== undefined) merged.id = id;
      if (name !== undefined) merged.name = name;
      else if (first !== undefined || last !== undefined) {
        const full = `${typeof merged.first_name === "string" ? merged.first_name : ""} ${typeof merged.last_name === "string" ? merged.last_name : ""}`.trim();
        if (full !== "") merged.name = full;
      }
      setIdentity(s, "set", merged, id !== undefined ? id : s.session.customer_id, email);
      return true;
    },
    clearCustomer(): boolean {
      enter(s);
      setIdentity(s, "clear", null, null, null);
      return true;
    },
    getToken(ttlSeconds?: unknown): Promise<string | null> {
      enter(s);
      let ttl = typeof ttlSeconds === "number" && isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds : 60;
      if (ttl > 600) ttl = 600;
      if (s.session.customer === null) return resolved(null);
      let token: unknown = null;
      try {
        token = s.host.call("token.mint", { ttl, identity: currentIdentity(s) });
      } catch {
        token = null;
      }
      return resolved(typeof token === "string" ? token : null);
    },
    setFromToken(token: unknown): Promise<boolean> {
      enter(s);
      if (typeof token !== "string" || token.length === 0) return resolved(false);
      let identity;
      try {
        identity = readIdentity(s.host.call("token.open", { token }));
      } catch {
        identity = null;
      }
      if (identity === null || s.phase !== "running") return resolved(false);
      setIdentity(s, "replace", identity.customer, identity.customer_id, identity.email);
      return resolved(true);
    },
  });
}
