// The interpreted validator: walks a spec and the input together (SPEC §5.3). Precompiled validators
// (compiler/schema/codegen.ts) must give deep-equal results, so any change here needs the same change there.
import {
  MAX_ERRORS, displayPath, forbiddenKey, indexPath, isEmail, isObjectValue, isUrl, jsonCopy, keyPath,
  ownValue, skipPatternKey, testPattern, toBoolean, toNumber, keySet,
} from "./helpers.js";
import { messages as m } from "./messages.js";
import type { SchemaSpec } from "./spec.js";

export interface SchemaResult { valid: boolean; value: unknown; errors: string[] }

/** Validates `data` against `spec`: the whole of `Schema#validate`. */
export function runValidation(spec: SchemaSpec, data: unknown): SchemaResult {
  // Root rule (extension): an optional object schema without default treats a missing body as {}.
  if (spec.type === "object" && !spec.required && !spec.hasDefault && (data === undefined || data === null)) data = {};
  const errors: string[] = [];
  const value = check(spec, data, "", errors);
  if (errors.length > 0) return { valid: false, value: null, errors };
  return { valid: true, value: spec.strip ? undefined : value, errors };
}

/**
 * One value. Returns the sanitised value, or undefined when the value is absent or failed. (A present
 * value is never undefined: conversions and JSON copies produce null at worst.)
 */
function check(s: SchemaSpec, x: unknown, path: string, errs: string[]): unknown {
  const L = s.label !== undefined ? s.label : displayPath(path);
  if (x === undefined || x === null || (x === "" && s.type !== "string" && s.type !== "any")) {
    if (s.hasDefault) return jsonCopy(s.def);
    if (s.required) errs.push(m.required(L));
    return undefined;
  }
  if (x === "" && s.required) {
    errs.push(m.required(L));
    return undefined;
  }
  const before = errs.length;
  const base = s.label !== undefined ? s.label : path;
  let v: unknown;
  switch (s.type) {
    case "string":
      if (typeof x !== "string") return fail(errs, m.string(L));
      v = x;
      break;
    case "number":
      v = toNumber(x);
      if (v === undefined) return fail(errs, m.number(L));
      break;
    case "boolean":
      v = toBoolean(x);
      if (v === undefined) return fail(errs, m.boolean(L));
      break;
    case "array":
      if (!Array.isArray(x)) return fail(errs, m.array(L));
      v = x;
      break;
    case "object":
      if (!isObjectValue(x)) return fail(errs, m.object(L));
      v = x;
      break;
    default:
      v = jsonCopy(x);
  }
  if (s.valid !== undefined && s.valid.indexOf(v as never) < 0) return fail(errs, m.oneOf(L, s.valid));
  switch (s.type) {
    case "string": {
      const msg = stringRules(s, v as string, L);
      if (msg !== undefined) return fail(errs, msg);
      break;
    }
    case "number": {
      const msg = numberRules(s, v as number, L);
      if (msg !== undefined) return fail(errs, msg);
      break;
    }
    case "array":
      v = checkArray(s, v as unknown[], L, base, errs);
      break;
    case "object":
      v = checkObject(s, v as Record<string, unknown>, base, errs);
      break;
  }
  if (errs.length !== before) return undefined;
  for (const fn of s.customs) {
    const r = fn(v, L);
    if (typeof r === "string" && r !== "") return fail(errs, r);
  }
  return v;
}

function fail(errs: string[], msg: string): undefined {
  errs.push(msg);
  return undefined;
}

function stringRules(s: SchemaSpec, v: string, L: string): string | undefined {
  if (s.min !== undefined && v.length < s.min) return m.stringMin(L, s.min);
  if (s.max !== undefined && v.length > s.max) return m.stringMax(L, s.max);
  if (s.email && !isEmail(v)) return m.email(L);
  if (s.url && !isUrl(v)) return m.url(L);
  if (s.pattern !== undefined && !testPattern(s.pattern, v)) return m.pattern(L);
  if (s.lowercase && v !== v.toLowerCase()) return m.lowercase(L);
  return undefined;
}

function numberRules(s: SchemaSpec, v: number, L: string): string | undefined {
  if (s.integer && !Number.isInteger(v)) return m.integer(L);
  if (s.positive && !(v > 0)) return m.positive(L);
  if (s.negative && !(v < 0)) return m.negative(L);
  if (s.min !== undefined && v < s.min) return m.numberMin(L, s.min);
  if (s.max !== undefined && v > s.max) return m.numberMax(L, s.max);
  return undefined;
}

function checkArray(s: SchemaSpec, x: unknown[], L: string, base: string, errs: string[]): unknown {
  if (s.min !== undefined && x.length < s.min) return fail(errs, m.arrayMin(L, s.min));
  if (s.max !== undefined && x.length > s.max) return fail(errs, m.arrayMax(L, s.max));
  if (s.items === undefined) return jsonCopy(x);
  const out: unknown[] = [];
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const r = check(s.items, ownValue(x, i), indexPath(base, i), errs);
    if (errs.length >= MAX_ERRORS) return undefined;
    if (!s.items.strip) out.push(r === undefined ? null : r);
  }
  return out;
}

function checkObject(s: SchemaSpec, x: Record<string, unknown>, base: string, errs: string[]): unknown {
  if (s.shape === undefined && s.patternValues === undefined) return jsonCopy(x);
  const out: Record<string, unknown> = {};
  const shape = s.shape ?? [];
  for (const [k, cs] of shape) {
    const r = check(cs, forbiddenKey(k) ? undefined : ownValue(x, k), keyPath(base, k), errs);
    if (errs.length >= MAX_ERRORS) return undefined;
    if (r !== undefined && !cs.strip && !forbiddenKey(k)) out[k] = r;
  }
  const pv = s.patternValues;
  if (pv === undefined) return out;
  const shapeKeys = keySet(shape.map((e) => e[0]));
  for (const k of Object.keys(x)) {
    if (skipPatternKey(shapeKeys, k)) continue;
    const r = check(pv, x[k], keyPath(base, k), errs);
    if (errs.length >= MAX_ERRORS) return undefined;
    if (r !== undefined && !pv.strip) out[k] = r;
  }
  return out;
}
