// Safe member access for compiled templates (SPEC §3.4.4): only own properties, plus `length` of strings and arrays;
// null/undefined bases and forbidden names give undefined. Never throws, even on getters or odd keys.
import { FORBIDDEN_PROPERTIES } from "./manifest.js";

const hasOwn = Object.prototype.hasOwnProperty;

/** True for the names that must never be reached through a computed key (manifest FORBIDDEN_PROPERTIES). */
export function isForbiddenKey(k: string): boolean {
  // A short list: a linear scan is as fast as a Set here and keeps the module free of mutable containers.
  for (let i = 0; i < FORBIDDEN_PROPERTIES.length; i++) if (FORBIDDEN_PROPERTIES[i] === k) return true;
  return false;
}

function propertyKey(key: unknown): string | undefined {
  switch (typeof key) {
    case "string":
      return key;
    case "number":
    case "boolean":
    case "undefined":
    case "bigint":
      return String(key);
    case "object":
      if (key === null) return "null";
      try {
        return String(key); // JavaScript ToPropertyKey, e.g. [1] → "1"
      } catch {
        return undefined;
      }
    default:
      return undefined;
  }
}

/** base[key] with the safe-access rules of SPEC §3.4.4. */
export function get(base: unknown, key: unknown): unknown {
  if (base === null || base === undefined) return undefined;
  const k = propertyKey(key);
  if (k === undefined || isForbiddenKey(k)) return undefined;
  const t = typeof base;
  if (t === "string") {
    // Own properties of a string are its indexes (one UTF-16 unit each) and `length`.
    return hasOwn.call(base, k) ? (base as unknown as Record<string, unknown>)[k] : undefined;
  }
  if (t !== "object" && t !== "function") return undefined;
  try {
    return hasOwn.call(base, k) ? (base as Record<string, unknown>)[k] : undefined;
  } catch {
    return undefined; // a throwing getter or proxy trap
  }
}

/**
 * base.key for a key written literally in the template (`row.name`). The compiler has already rejected the
 * forbidden names, so this skips the key conversion and the forbidden-name scan of `get`: it is the hot path.
 */
export function prop(base: unknown, key: string): unknown {
  if (base === null || base === undefined) return undefined;
  const t = typeof base;
  if (t === "object") {
    try {
      return hasOwn.call(base, key) ? (base as Record<string, unknown>)[key] : undefined;
    } catch {
      return undefined;
    }
  }
  if (t === "string") return hasOwn.call(base, key) ? (base as unknown as Record<string, unknown>)[key] : undefined;
  return t === "function" ? get(base, key) : undefined;
}
