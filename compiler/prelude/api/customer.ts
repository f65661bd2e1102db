// The session identity as scripts see it (SPEC §4.4.5, §6.7): the frozen customer view behind `customer`,
// `getCustomer()` and `is_customer`, refreshed on every identity change, and the identity effect record.
import { freeze, hasOwn, isFinite, nullObj, put, toStr } from "./intrinsics.js";
import type { State } from "./state.js";

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
