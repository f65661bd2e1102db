// The `Schema` sandbox global (SPEC §5) plus the two hooks precompiled validators use (§8.7):
// `withPrecompiledValidate` (exposed to bundles as `__pc.schema`) and `schemaHelpers` (`__pc.sh`).
import * as h from "./helpers.js";
import { messages } from "./messages.js";
import { makeSchema } from "./methods.js";
import { baseSpec, specOf, withChanges, type SchemaSpec } from "./spec.js";

export type { SchemaSpec, SchemaType } from "./spec.js";
export type { SchemaResult } from "./validate.js";
export { specOf } from "./spec.js";
export { runValidation } from "./validate.js";
export { messages } from "./messages.js";

function shapeEntries(shape: unknown): SchemaSpec["shape"] {
  if (typeof shape !== "object" || shape === null || Array.isArray(shape)) {
    throw new TypeError("Schema: object() needs a plain object whose values are schemas");
  }
  const entries: (readonly [string, SchemaSpec])[] = [];
  for (const k of Object.keys(shape)) {
    const spec = specOf((shape as Record<string, unknown>)[k]);
    if (spec === undefined) throw new TypeError("Schema: object() shape key `" + k + "` is not a schema");
    entries.push(Object.freeze([k, spec] as const));
  }
  return Object.freeze(entries);
}

export const Schema = Object.freeze({
  string: () => makeSchema(baseSpec("string")),
  number: () => makeSchema(baseSpec("number")),
  boolean: () => makeSchema(baseSpec("boolean")),
  array: () => makeSchema(baseSpec("array")),
  object: (...args: unknown[]) =>
    makeSchema(args.length === 0 || args[0] === undefined
      ? baseSpec("object")
      : withChanges(baseSpec("object"), { shape: shapeEntries(args[0]) })),
  any: () => makeSchema(baseSpec("any")),
});

/**
 * The same schema with `validate` replaced by a precompiled function. Chaining a method on the result
 * builds an ordinary interpreted schema, because methods only ever read the spec.
 */
export function withPrecompiledValidate(schema: unknown, validateFn: (data: unknown) => unknown): unknown {
  const spec = specOf(schema);
  if (spec === undefined || typeof validateFn !== "function") throw new TypeError("Schema: not a schema");
  return makeSchema(spec, validateFn);
}

/** Everything generated validators may call, as `__pc.sh.<name>`. */
export const schemaHelpers = Object.freeze({
  MAX_ERRORS: h.MAX_ERRORS,
  copy: h.jsonCopy,
  own: h.ownValue,
  isObj: h.isObjectValue,
  num: h.toNumber,
  bool: h.toBoolean,
  email: h.isEmail,
  url: h.isUrl,
  test: h.testPattern,
  key: h.keyPath,
  idx: h.indexPath,
  disp: h.displayPath,
  keySet: h.keySet,
  skip: h.skipPatternKey,
  m: messages,
});

export type SchemaHelpers = typeof schemaHelpers;
