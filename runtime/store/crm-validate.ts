// Re-validation of `crm` host operations (SPEC §4.5.1, §9). The sandbox already normalised them, but
// user code shares its context, so the store checks again: the runtime is the authority (SPEC §8.5).
import type { CrmOp } from "./types.js";

export type CrmFn = CrmOp["fn"];

const FNS: ReadonlySet<string> = new Set<CrmFn>([
  "getCrmEntries", "getCrmField", "getCrmFields", "getCrmFieldValues",
  "setCrmField", "setCrmFields", "addCrmFieldValue", "clearCrmEntries",
]);
const NEEDS_FIELD_KEY: ReadonlySet<string> = new Set(["getCrmField", "getCrmFieldValues", "setCrmField", "addCrmFieldValue"]);
const NEEDS_VALUE: ReadonlySet<string> = new Set(["setCrmField", "addCrmFieldValue"]);

export const SITE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const ENTITY_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const FIELD_KEY_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const REFERENCE_TYPE_PATTERN = /^[a-zA-Z0-9_-]+$/;
const REFERENCE_ID_FORBIDDEN = /[{}[\]"\\]/;
export const MAX_REFERENCE_ID_CHARS = 512;
export const MAX_STRING_VALUE_CHARS = 10_000;
export const MAX_OBJECT_VALUE_BYTES = 10_240;
export const SCAN_WINDOW = 100;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** A validated operation: everything the SQL layer needs, already in its final form. */
export interface ValidCrmOp {
  fn: CrmFn;
  entity: string;
  referenceType: string;
  referenceId: string;
  fieldKey: string;
  /** getCrmFields: the valid keys, in request order, without duplicates. */
  fieldKeys: string[];
  /** setCrmField / setCrmFields / addCrmFieldValue: the fields to write, later duplicates winning. */
  fields: [string, unknown][];
  limit: number;
  force: boolean;
}

export type CrmCheck =
  | { kind: "ok"; op: ValidCrmOp }
  /** Well-formed but refused by a pattern or size rule: the call returns its empty result. */
  | { kind: "refused"; fn: CrmFn; reason: string }
  /** Not the shape the sandbox sends at all: the store rejects the call with a TypeError. */
  | { kind: "malformed"; reason: string };

export function isValidCrmValue(value: unknown): boolean {
  if (typeof value === "string") return value.length <= MAX_STRING_VALUE_CHARS;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value === "boolean") return true;
  if (value === null || typeof value !== "object") return false;
  try {
    const text = JSON.stringify(value);
    return typeof text === "string" && Buffer.byteLength(text, "utf8") <= MAX_OBJECT_VALUE_BYTES;
  } catch {
    return false;
  }
}

export function isValidReferenceId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_REFERENCE_ID_CHARS && !REFERENCE_ID_FORBIDDEN.test(id);
}

/** Integer, default 50, clamped to 1–200 (SPEC §4.5.1). */
export function clampLimit(limit: unknown): number {
  if (typeof limit !== "number" || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

export function checkCrmOp(raw: unknown): CrmCheck {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { kind: "malformed", reason: "op is not an object" };
  const op = raw as Record<string, unknown>;
  const fn = op.fn;
  if (typeof fn !== "string" || !FNS.has(fn)) return { kind: "malformed", reason: `unknown CRM function ${JSON.stringify(fn)}` };
  const name = fn as CrmFn;
  const bad = (reason: string): CrmCheck => ({ kind: "malformed", reason: `${name}: ${reason}` });
  const refuse = (reason: string): CrmCheck => ({ kind: "refused", fn: name, reason: `${name}: ${reason}` });

  if (typeof op.entity !== "string") return bad('"entity" must be a string');
  if (typeof op.referenceType !== "string") return bad('"referenceType" must be a string');
  const refId = typeof op.referenceId === "number" && Number.isFinite(op.referenceId) ? String(op.referenceId) : op.referenceId;
  if (typeof refId !== "string") return bad('"referenceId" must be a string');
  if (op.limit !== undefined && op.limit !== null && typeof op.limit !== "number") return bad('"limit" must be a number');
  if (op.force !== undefined && op.force !== null && typeof op.force !== "boolean") return bad('"force" must be a boolean');
  if (NEEDS_FIELD_KEY.has(name) && typeof op.fieldKey !== "string") return bad('"fieldKey" is required');
  if (NEEDS_VALUE.has(name) && op.value === undefined) return bad('"value" is required');
  if (name === "getCrmFields" && !Array.isArray(op.fieldKeys)) return bad('"fieldKeys" must be an array');
  if (name === "setCrmFields" && (!Array.isArray(op.fields) || op.fields.length === 0)) return bad('"fields" must be a non-empty array');

  if (!ENTITY_SLUG_PATTERN.test(op.entity)) return refuse(`invalid CRM entity slug ${JSON.stringify(op.entity)}`);
  if (!REFERENCE_TYPE_PATTERN.test(op.referenceType)) return refuse(`invalid reference type ${JSON.stringify(op.referenceType)}`);
  if (!isValidReferenceId(refId)) return refuse("invalid reference id");

  const valid: ValidCrmOp = {
    fn: name, entity: op.entity, referenceType: op.referenceType, referenceId: refId,
    fieldKey: "", fieldKeys: [], fields: [], limit: clampLimit(op.limit), force: op.force === true,
  };
  if (NEEDS_FIELD_KEY.has(name)) {
    const key = op.fieldKey as string;
    if (!FIELD_KEY_PATTERN.test(key)) return refuse(`invalid field key ${JSON.stringify(key)}`);
    valid.fieldKey = key;
  }
  if (NEEDS_VALUE.has(name)) {
    if (!isValidCrmValue(op.value)) return refuse("value of a disallowed type or size");
    valid.fields = [[valid.fieldKey, op.value]];
  }
  if (name === "getCrmFields") {
    const seen = new Set<string>();
    for (const key of op.fieldKeys as unknown[]) {
      if (typeof key === "string" && FIELD_KEY_PATTERN.test(key) && !seen.has(key)) {
        seen.add(key);
        valid.fieldKeys.push(key);
      }
    }
  }
  if (name === "setCrmFields") {
    for (const element of op.fields as unknown[]) {
      if (element === null || typeof element !== "object") return refuse("invalid element in fields");
      const e = element as Record<string, unknown>;
      const key = typeof e.fieldKey === "string" ? e.fieldKey : e.field_key;
      if (typeof key !== "string" || !FIELD_KEY_PATTERN.test(key)) return refuse("invalid field key in fields");
      if (!isValidCrmValue(e.value)) return refuse(`value of a disallowed type or size for field "${key}"`);
      valid.fields.push([key, e.value]);
    }
  }
  return { kind: "ok", op: valid };
}

/** The result a refused call returns (SPEC §4.5.1). */
export function emptyCrmResult(fn: CrmFn): unknown {
  switch (fn) {
    case "getCrmField": return null;
    case "getCrmFields": return Object.create(null) as Record<string, unknown>;
    case "getCrmEntries":
    case "getCrmFieldValues": return [];
    case "clearCrmEntries": return { ok: false, deleted: 0 };
    default: return false;
  }
}
