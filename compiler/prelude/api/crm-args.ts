// Normalisation of CRM options (SPEC §4.5.1): aliases, defaults, TypeErrors for malformed calls, and the
// "invalid" verdict (empty result + warn) for well-formed values that break a pattern or a size rule.
import { append, hasOwn, isArray, isFinite, jsonParse, jsonStringify, mathTrunc, test, toStr, utf8Length } from "./intrinsics.js";
import type { State } from "./state.js";

export const FIELD_KEY = /^[a-zA-Z0-9_.-]+$/;
const REFERENCE_TYPE = /^[a-zA-Z0-9_-]+$/;
const BAD_REFERENCE_ID = /[{}[\]"\\]/;

export type Opts = Record<string, unknown>;
/**
 * Reasons why a well-formed call is invalid. TypeErrors are thrown at once, but invalid values are only
 * collected, so that a later TypeError (say, a missing fieldKey) still wins over an earlier bad pattern.
 */
export type Problems = string[];

/** The single options object, or TypeError `<fn>: expected a single options object`. */
export function optionsOf(fn: string, args: unknown[]): Opts {
  const o = args[0];
  if (args.length !== 1 || o === null || typeof o !== "object" || isArray(o)) throw new TypeError(`${fn}: expected a single options object`);
  return o as Opts;
}

/** The first alias whose value is neither undefined nor null. Each key is read once. */
export function pick(o: Opts, keys: string[]): unknown {
  for (const k of keys) {
    const v = o[k];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

export function readSlug(s: State, fn: string, o: Opts): string {
  const slug = pick(o, ["slug", "crmEntitySlug", "crm_entity_slug"]);
  if (slug === undefined) throw new TypeError(`${fn}: "slug" is required`);
  if (typeof slug !== "string") throw new TypeError(`${fn}: "slug" must be a string`);
  if (!hasOwn(s.entities, slug)) throw new TypeError(`${fn}: unknown CRM entity slug "${slug}"`);
  return slug;
}

/** The reference; `referenceId` is null when there is no default (no customer: empty result, no warning). */
export function readReference(s: State, fn: string, o: Opts, bad: Problems): { referenceType: string; referenceId: string | null } {
  const type = pick(o, ["referenceType", "reference_type"]);
  let referenceType = "customer";
  if (type !== undefined) {
    if (typeof type !== "string") throw new TypeError(`${fn}: "referenceType" must be a string`);
    if (!test(REFERENCE_TYPE, type)) append(bad, `invalid referenceType "${type}"`);
    referenceType = type;
  }
  const id = pick(o, ["referenceId", "reference_id"]);
  let referenceId: string | null = null;
  if (id === undefined) {
    const sess = s.session;
    if (sess.customer_id !== null && sess.customer_id !== undefined && toStr(sess.customer_id) !== "") referenceId = toStr(sess.customer_id);
    else if (sess.customer !== null && typeof sess.email === "string" && sess.email !== "") referenceId = sess.email.toLowerCase();
    else return { referenceType, referenceId: null };
  } else if (typeof id === "string") {
    referenceId = id;
  } else if (typeof id === "number") {
    referenceId = isFinite(id) ? toStr(id) : "";
  } else {
    throw new TypeError(`${fn}: "referenceId" must be a string or a number`);
  }
  if (referenceId.length === 0 || referenceId.length > 512 || test(BAD_REFERENCE_ID, referenceId)) append(bad, "invalid referenceId");
  return { referenceType, referenceId };
}

/** A required field key: missing → TypeError; pattern mismatch → a problem. */
export function readFieldKey(fn: string, o: Opts, bad: Problems): string {
  const key = pick(o, ["fieldKey", "field_key"]);
  if (key === undefined) throw new TypeError(`${fn}: "fieldKey" is required`);
  if (typeof key !== "string") throw new TypeError(`${fn}: "fieldKey" must be a string`);
  if (!test(FIELD_KEY, key)) append(bad, `invalid fieldKey "${key}"`);
  return key;
}

/** A CRM value (already known to be present): its JSON copy, or a problem for a disallowed type or size. */
export function checkValue(value: unknown, bad: Problems): unknown {
  if (typeof value === "string") {
    if (value.length > 10000) append(bad, "value exceeds 10000 characters");
    return value;
  }
  if (typeof value === "number") {
    if (!isFinite(value)) append(bad, "value must be a finite number");
    return value;
  }
  if (typeof value === "boolean") return value;
  if (value !== null && typeof value === "object") {
    let text: string | undefined;
    try {
      text = jsonStringify(value) as string | undefined;
    } catch {
      text = undefined;
    }
    if (text === undefined) append(bad, "value cannot be serialised");
    else if (utf8Length(text) > 10240) append(bad, "value exceeds 10240 bytes of JSON");
    else return jsonParse(text);
    return null;
  }
  append(bad, `value of type ${value === null ? "null" : typeof value} is not allowed`);
  return null;
}

export function readRequiredValue(fn: string, o: Opts): unknown {
  const v = o.value;
  if (v === undefined) throw new TypeError(`${fn}: "value" is required`);
  return v;
}

export function readLimit(fn: string, o: Opts): number {
  const v = o.limit;
  if (v === undefined || v === null) return 50;
  if (typeof v !== "number") throw new TypeError(`${fn}: "limit" must be a number`);
  if (v !== v) return 50;
  const n = v === Infinity ? 200 : v === -Infinity ? 1 : mathTrunc(v);
  return n < 1 ? 1 : n > 200 ? 200 : n;
}

export function readFlag(fn: string, o: Opts, key: "force" | "async"): boolean {
  const v = o[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: "${key}" must be a boolean`);
  return v;
}
