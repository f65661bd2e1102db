// The chainable methods of SPEC §5.2. Each checks its arguments (TypeError on a wrong type), builds a new
// spec and wraps it in a new frozen schema object; the receiver is never changed.
import { jsonCopy } from "./helpers.js";
import type { Primitive } from "./messages.js";
import { SPEC, specOf, withChanges, type SchemaSpec, type SchemaType } from "./spec.js";
import { runValidation } from "./validate.js";

type Schema = Record<PropertyKey, unknown>;

function own(self: unknown, name: string): SchemaSpec {
  const spec = specOf(self);
  if (spec === undefined) throw new TypeError("Schema: " + name + "() must be called on a schema");
  return spec;
}

/** The schema object for `spec`: a frozen object whose prototype holds the methods of its type. */
export function makeSchema(spec: SchemaSpec, validate?: (data: unknown) => unknown): Schema {
  const run = validate ?? ((data: unknown) => runValidation(spec, data));
  const o = Object.create(PROTOS[spec.type], {
    [SPEC]: { value: spec },
    validate: { value: function validate(data: unknown) { return run(data); }, enumerable: true },
  });
  return Object.freeze(o);
}

function next(self: unknown, name: string, changes: Partial<SchemaSpec>): Schema {
  return makeSchema(withChanges(own(self, name), changes));
}

function isPrimitive(v: unknown): v is Primitive {
  return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function ruleSpec(name: string, rule: unknown): SchemaSpec {
  const spec = specOf(rule);
  if (spec === undefined) throw new TypeError("Schema: " + name + "() needs a schema");
  return spec;
}

function bound(self: unknown, name: "min" | "max", n: unknown): Schema {
  const spec = own(self, name);
  if (spec.type === "number") {
    if (typeof n !== "number" || !Number.isFinite(n)) throw new TypeError("Schema: " + name + "() needs a finite number");
  } else if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
    throw new TypeError("Schema: " + name + "() needs an integer of at least 0");
  }
  return makeSchema(withChanges(spec, name === "min" ? { min: n } : { max: n }));
}

const common = {
  required(this: unknown) { return next(this, "required", { required: true }); },
  optional(this: unknown) { return next(this, "optional", { required: false }); },
  default(this: unknown, ...args: unknown[]) {
    if (args.length === 0) throw new TypeError("Schema: default() needs a value");
    return next(this, "default", { hasDefault: true, def: jsonCopy(args[0]) });
  },
  label(this: unknown, name: unknown) {
    if (typeof name !== "string") throw new TypeError("Schema: label() needs a string");
    return next(this, "label", { label: name });
  },
  valid(this: unknown, ...values: unknown[]) {
    if (values.length === 0) throw new TypeError("Schema: valid() needs at least one value");
    if (!values.every(isPrimitive)) throw new TypeError("Schema: valid() values must be strings, numbers, booleans or null");
    return next(this, "valid", { valid: Object.freeze(values.slice()) });
  },
  strip(this: unknown) { return next(this, "strip", { strip: true }); },
  custom(this: unknown, fn: unknown) {
    if (typeof fn !== "function") throw new TypeError("Schema: custom() needs a function");
    const spec = own(this, "custom");
    return makeSchema(withChanges(spec, { customs: Object.freeze([...spec.customs, fn as SchemaSpec["customs"][number]]) }));
  },
};

const sized = {
  min(this: unknown, n: unknown) { return bound(this, "min", n); },
  max(this: unknown, n: unknown) { return bound(this, "max", n); },
};

const stringMethods = {
  ...sized,
  email(this: unknown) { return next(this, "email", { email: true }); },
  url(this: unknown) { return next(this, "url", { url: true }); },
  pattern(this: unknown, re: unknown) {
    if (!(re instanceof RegExp)) throw new TypeError("Schema: pattern() needs a regular expression");
    return next(this, "pattern", { pattern: re });
  },
  lowercase(this: unknown) { return next(this, "lowercase", { lowercase: true }); },
};

const numberMethods = {
  ...sized,
  integer(this: unknown) { return next(this, "integer", { integer: true }); },
  positive(this: unknown) { return next(this, "positive", { positive: true }); },
  negative(this: unknown) { return next(this, "negative", { negative: true }); },
};

const arrayMethods = {
  ...sized,
  items(this: unknown, rule: unknown) { return next(this, "items", { items: ruleSpec("items", rule) }); },
};

const objectMethods = {
  pattern_values(this: unknown, rule: unknown) {
    return next(this, "pattern_values", { patternValues: ruleSpec("pattern_values", rule) });
  },
};

function proto(methods: object): object {
  const p = Object.create(Object.prototype);
  for (const [k, fn] of Object.entries({ ...common, ...methods })) {
    Object.defineProperty(p, k, { value: fn, writable: false, enumerable: false, configurable: false });
  }
  return Object.freeze(p);
}

const PROTOS: Record<SchemaType, object> = Object.freeze({
  string: proto(stringMethods),
  number: proto(numberMethods),
  boolean: proto({}),
  array: proto(arrayMethods),
  object: proto(objectMethods),
  any: proto({}),
});
