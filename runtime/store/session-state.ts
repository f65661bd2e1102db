// The session record's JSON form (SPEC §6.8 `data` column) and how a request's changes apply to it.
// Every map is a null-prototype object, so keys such as `__proto__` stay inert data (SPEC §8.5).
import type { SessionChanges, SessionState } from "./types.js";

/** `maxSessionBytes`: the serialised record may not exceed 256 KiB (SPEC §6.7, §9). */
export const MAX_SESSION_BYTES = 262_144;

export function emptySessionState(): SessionState {
  return { data: Object.create(null), items: Object.create(null), customer: null, customer_id: null, email: null };
}

function nullProtoCopy(value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const key of Object.keys(value)) out[key] = (value as Record<string, unknown>)[key];
  }
  return out;
}

const isItemValue = (v: unknown): v is string | number => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
const stringOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
/** A customer id given as a number (`setCustomer({ id: 42 })`) is kept as its string form. */
const idOrNull = (v: unknown): string | null => (typeof v === "number" && Number.isFinite(v) ? String(v) : stringOrNull(v));

/** Reads a stored `data` column; anything malformed reads as the empty state rather than throwing. */
export function parseSessionState(json: string): SessionState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return emptySessionState();
  }
  const raw = nullProtoCopy(parsed);
  const items: Record<string, string | number> = Object.create(null);
  const rawItems = nullProtoCopy(raw.items);
  for (const key of Object.keys(rawItems)) {
    const v = rawItems[key];
    if (isItemValue(v)) items[key] = v;
  }
  const customer = raw.customer !== null && typeof raw.customer === "object" && !Array.isArray(raw.customer) ? nullProtoCopy(raw.customer) : null;
  return { data: nullProtoCopy(raw.data), items, customer, customer_id: idOrNull(raw.customer_id), email: stringOrNull(raw.email) };
}

/** The exact text stored in the `data` column, in the key order of SPEC §6.8. */
export function serializeSessionState(state: SessionState): string {
  return JSON.stringify({
    data: state.data,
    items: state.items,
    customer: state.customer,
    customer_id: state.customer_id,
    email: state.email,
  });
}

/** UTF-8 size of the serialised record; the runtime can use it to refuse a change at the call. */
export function sessionRecordBytes(state: SessionState): number {
  return Buffer.byteLength(serializeSessionState(state), "utf8");
}

/** Applies net changes to a copy of `state`: sets, then deletions, then the identity. */
export function applySessionChanges(state: SessionState, changes: SessionChanges): SessionState {
  const next: SessionState = {
    data: nullProtoCopy(state.data),
    items: nullProtoCopy(state.items) as Record<string, string | number>,
    customer: state.customer === null ? null : nullProtoCopy(state.customer),
    customer_id: state.customer_id,
    email: state.email,
  };
  for (const [key, value] of changes.set) {
    if (typeof key !== "string") continue;
    // null/undefined deletes the key (SPEC §4.4.4), also when the runtime passes it as a set.
    if (value === null || value === undefined) delete next.data[key];
    else next.data[key] = value;
  }
  for (const key of changes.del) if (typeof key === "string") delete next.data[key];
  for (const [key, value] of changes.itemSet) {
    if (typeof key === "string" && isItemValue(value)) next.items[key] = value;
  }
  for (const key of changes.itemDel) if (typeof key === "string") delete next.items[key];
  if (changes.identity !== undefined) {
    const id = changes.identity;
    next.customer = id.customer !== null && typeof id.customer === "object" ? nullProtoCopy(id.customer) : null;
    next.customer_id = idOrNull(id.customer_id);
    next.email = stringOrNull(id.email);
  }
  return next;
}

export function isEmptySessionState(state: SessionState): boolean {
  return (
    Object.keys(state.data).length === 0 &&
    Object.keys(state.items).length === 0 &&
    state.customer === null &&
    state.customer_id === null &&
    state.email === null
  );
}
