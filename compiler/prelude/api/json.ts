// JSON copies of user values (SPEC §0 "JSON copy"), null-prototype parsing of host data, and deep freezing.
// Serialisation runs user getters and toJSON inside the isolate; only the resulting text is trusted.
import { freeze, getOwnPropertyNames, isArray, isFrozen, jsonParse, jsonStringify, objectKeys, setPrototypeOf } from "./intrinsics.js";

/**
 * The JSON text of a value: a top-level `undefined` (or function/symbol) becomes "null"; a cycle or a BigInt
 * throws TypeError (V8's own TypeError, raised inside JSON.stringify).
 */
export function jsonText(value: unknown): string {
  const text = jsonStringify(value) as string | undefined;
  return text === undefined ? "null" : text;
}

/** The JSON copy of a value (plain objects with Object.prototype, as JSON.parse makes them). */
export function jsonCopy(value: unknown): unknown {
  return jsonParse(jsonText(value));
}

/** Converts every object of a parsed JSON value to a null-prototype object, in place. */
export function toNullProto(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toNullProto(value[i]);
    return value;
  }
  const obj = value as Record<string, unknown>;
  setPrototypeOf(obj, null);
  const keys = getOwnPropertyNames(obj);
  for (let i = 0; i < keys.length; i++) obj[keys[i]] = toNullProto(obj[keys[i]]);
  return obj;
}

/** Parses host JSON into a value whose objects have no prototype (untrusted keys stay inert data). */
export function parseNullProto(text: string): unknown {
  return toNullProto(jsonParse(text));
}

/** Freezes a value built from parsed JSON, at every depth. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || isFrozen(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = getOwnPropertyNames(obj);
  for (let i = 0; i < keys.length; i++) deepFreeze(obj[keys[i]]);
  return freeze(obj) as T;
}

/**
 * JSON text of the prelude's own records (effects, host-op arguments, log entries). Unlike JSON.stringify it
 * never looks up `toJSON`, so a script that defines Object.prototype.toJSON cannot rewrite what is reported.
 * The records hold only JSON copies, so there are no cycles, getters or special objects to handle.
 */
export function encodeJson(v: unknown): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string": return jsonStringify(v) as string;
    case "number": return v === v && v !== Infinity && v !== -Infinity ? "" + v : "null";
    case "boolean": return v ? "true" : "false";
    case "object": break;
    default: return "null";
  }
  if (isArray(v)) {
    let text = "[";
    for (let i = 0; i < v.length; i++) text += (i > 0 ? "," : "") + encodeJson(v[i]);
    return text + "]";
  }
  const obj = v as Record<string, unknown>;
  const keys = objectKeys(obj);
  let text = "{";
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const val = obj[keys[i]];
    if (val === undefined || typeof val === "function" || typeof val === "symbol") continue;
    text += (first ? "" : ",") + jsonStringify(keys[i]) + ":" + encodeJson(val);
    first = false;
  }
  return text + "}";
}
