// CRM reads from templates (GetCrmEntries/Field/Fields/FieldValues, SPEC §3.8, §4.5): the same option rules
// as scripts — one options object, aliases, the session's default reference — normalised on the host and
// answered synchronously by the store. A TypeError is logged by the render at the call's file:line:col.
import type { CrmOp } from "../store/types.js";

export interface TemplateCrmContext {
  siteId: string;
  entities: Set<string>;
  customerId: string | null;
  email: string | null;
  read(site: string, op: CrmOp): unknown;
}

const pick = (o: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (Object.hasOwn(o, k) && o[k] !== undefined && o[k] !== null) return o[k];
  return undefined;
};

export function templateCrmRead(fn: string, options: unknown, ctx: TemplateCrmContext): unknown {
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new TypeError(`${fn}: expected a single options object`);
  const o = options as Record<string, unknown>;
  const slug = pick(o, ["slug", "crmEntitySlug", "crm_entity_slug"]);
  if (slug === undefined) throw new TypeError(`${fn}: "slug" is required`);
  if (typeof slug !== "string" || !ctx.entities.has(slug)) throw new TypeError(`${fn}: unknown CRM entity slug "${String(slug)}"`);
  const op: CrmOp = { fn: fn as CrmOp["fn"], entity: slug, referenceType: "customer", referenceId: "" };
  const type = pick(o, ["referenceType", "reference_type"]);
  if (type !== undefined) op.referenceType = String(type);
  const id = pick(o, ["referenceId", "reference_id"]);
  const ref = id !== undefined ? String(id) : ctx.customerId ?? (ctx.email ? ctx.email.toLowerCase() : null);
  if (fn === "getCrmField" || fn === "getCrmFieldValues") {
    const key = pick(o, ["fieldKey", "field_key"]);
    if (key === undefined) throw new TypeError(`${fn}: "fieldKey" is required`);
    op.fieldKey = String(key);
  }
  if (fn === "getCrmFields") {
    const keys = o.fieldKeys;
    if (!Array.isArray(keys)) throw new TypeError(`${fn}: "fieldKeys" must be an array`);
    op.fieldKeys = keys.map(String);
  }
  if (o.limit !== undefined) op.limit = Number(o.limit);
  const empty = fn === "getCrmField" ? null : fn === "getCrmFields" ? {} : [];
  if (ref === null) return empty;
  op.referenceId = ref;
  return ctx.read(ctx.siteId, op);
}
