// The eight CRM functions (SPEC §4.5): each normalises its options into the `crm` host-op arguments of §8.5,
// throws TypeError for malformed calls, and returns its empty result (with a warning) for invalid values.
import { append, isArray, test, toStr } from "./intrinsics.js";
import { checkValue, FIELD_KEY, optionsOf, pick, readFieldKey, readFlag, readLimit, readReference, readRequiredValue, readSlug, type Opts, type Problems } from "./crm-args.js";
import { enter, writeLog, type State } from "./state.js";

export const CRM_FUNCTIONS = ["getCrmEntries", "getCrmField", "getCrmFields", "getCrmFieldValues", "setCrmField", "setCrmFields", "addCrmFieldValue", "clearCrmEntries"] as const;
export type CrmApi = Record<(typeof CRM_FUNCTIONS)[number], (...args: unknown[]) => unknown>;

export function createCrm(s: State): CrmApi {
  /** Phase guard, the 1,000-call cap, the options object, slug and reference: shared by all eight. */
  const begin = (fn: string, args: unknown[], bad: Problems) => {
    enter(s);
    if (s.crmCalls >= 1000) throw new Error("pagec: too many CRM calls");
    s.crmCalls++;
    const o = optionsOf(fn, args);
    const entity = readSlug(s, fn, o);
    const ref = readReference(s, fn, o, bad);
    return { o, entity, ref };
  };
  /** Sends the op, or returns `empty` (with a warning for invalid input, silently when there is no reference). */
  const finish = (fn: string, bad: Problems, referenceId: string | null, empty: () => unknown, args: Record<string, unknown>): unknown => {
    if (bad.length > 0) {
      writeLog(s, "warn", `${fn}: ${bad.join("; ")}`);
      return empty();
    }
    if (referenceId === null) return empty();
    enter(s); // user getters on the options may have ended the phase
    const result = s.host.call("crm", { fn, ...args, referenceId });
    return result;
  };
  const write = (fn: string, bad: Problems, ref: { referenceType: string; referenceId: string | null }, entity: string, extra: Record<string, unknown>, isAsync: boolean): boolean => {
    const r = finish(fn, bad, ref.referenceId, () => false, { entity, referenceType: ref.referenceType, ...extra, async: isAsync });
    return isAsync ? r !== false : r === true;
  };

  return {
    getCrmEntries(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("getCrmEntries", args, bad);
      const limit = readLimit("getCrmEntries", o);
      const r = finish("getCrmEntries", bad, ref.referenceId, () => [], { entity, referenceType: ref.referenceType, limit });
      return isArray(r) ? r : [];
    },
    getCrmField(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("getCrmField", args, bad);
      const fieldKey = readFieldKey("getCrmField", o, bad);
      const r = finish("getCrmField", bad, ref.referenceId, () => null, { entity, referenceType: ref.referenceType, fieldKey });
      return r === undefined ? null : r;
    },
    getCrmFields(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("getCrmFields", args, bad);
      const keys = o.fieldKeys;
      if (!isArray(keys)) throw new TypeError('getCrmFields: "fieldKeys" must be an array');
      const fieldKeys: string[] = [];
      const dropped: string[] = [];
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (typeof k === "string" && test(FIELD_KEY, k)) { if (fieldKeys.indexOf(k) < 0) append(fieldKeys, k); }
        else append(dropped, toStr(k));
      }
      if (dropped.length > 0 && bad.length === 0) writeLog(s, "warn", `getCrmFields: invalid field keys left out: ${dropped.join(", ")}`);
      if (fieldKeys.length === 0 && bad.length === 0) return {};
      const r = finish("getCrmFields", bad, ref.referenceId, () => ({}), { entity, referenceType: ref.referenceType, fieldKeys });
      return r !== null && typeof r === "object" && !isArray(r) ? r : {};
    },
    getCrmFieldValues(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("getCrmFieldValues", args, bad);
      const fieldKey = readFieldKey("getCrmFieldValues", o, bad);
      const limit = readLimit("getCrmFieldValues", o);
      const r = finish("getCrmFieldValues", bad, ref.referenceId, () => [], { entity, referenceType: ref.referenceType, fieldKey, limit });
      return isArray(r) ? r : [];
    },
    setCrmField(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("setCrmField", args, bad);
      const fieldKey = readFieldKey("setCrmField", o, bad);
      const raw = readRequiredValue("setCrmField", o);
      const force = readFlag("setCrmField", o, "force");
      const isAsync = readFlag("setCrmField", o, "async");
      const value = checkValue(raw, bad);
      return write("setCrmField", bad, ref, entity, { fieldKey, value, force }, isAsync);
    },
    setCrmFields(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("setCrmFields", args, bad);
      const list = o.fields;
      if (!isArray(list) || list.length === 0) throw new TypeError('setCrmFields: "fields" must be a non-empty array');
      const force = readFlag("setCrmFields", o, "force");
      const isAsync = readFlag("setCrmFields", o, "async");
      const fields: Array<{ fieldKey: string; value: unknown }> = [];
      for (let i = 0; i < list.length; i++) {
        const el = list[i] as Opts;
        if (el === null || typeof el !== "object" || isArray(el)) { append(bad, `fields[${i}] is not an object`); continue; }
        const key = pick(el, ["fieldKey", "field_key"]);
        const raw = el.value;
        if (typeof key !== "string" || !test(FIELD_KEY, key)) { append(bad, `fields[${i}] has an invalid fieldKey`); continue; }
        if (raw === undefined) { append(bad, `fields[${i}] has no value`); continue; }
        append(fields, { fieldKey: key, value: checkValue(raw, bad) });
      }
      return write("setCrmFields", bad, ref, entity, { fields, force }, isAsync);
    },
    addCrmFieldValue(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("addCrmFieldValue", args, bad);
      const fieldKey = readFieldKey("addCrmFieldValue", o, bad);
      const raw = readRequiredValue("addCrmFieldValue", o);
      const isAsync = readFlag("addCrmFieldValue", o, "async");
      const value = checkValue(raw, bad);
      return write("addCrmFieldValue", bad, ref, entity, { fieldKey, value }, isAsync);
    },
    clearCrmEntries(...args: unknown[]): unknown {
      const bad: Problems = [];
      const { o, entity, ref } = begin("clearCrmEntries", args, bad);
      const isAsync = readFlag("clearCrmEntries", o, "async");
      const r = finish("clearCrmEntries", bad, ref.referenceId, () => null, { entity, referenceType: ref.referenceType, async: isAsync }) as { ok?: unknown; deleted?: unknown } | null;
      if (r === null || typeof r !== "object") return { ok: isAsync && bad.length === 0 && ref.referenceId !== null, deleted: 0 };
      return { ok: r.ok === true, deleted: typeof r.deleted === "number" ? r.deleted : 0 };
    },
  };
}
