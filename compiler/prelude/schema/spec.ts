// The immutable description of one schema. Methods build new specs; the interpreter and the code generator
// both read them. A schema object carries its spec under a private symbol, never as a visible property.
import type { Primitive } from "./messages.js";

export type SchemaType = "string" | "number" | "boolean" | "array" | "object" | "any";

export interface SchemaSpec {
  readonly type: SchemaType;
  readonly required: boolean;
  readonly hasDefault: boolean;
  /** A JSON copy taken when `.default()` was called; copied again every time it is used. */
  readonly def: unknown;
  readonly label: string | undefined;
  readonly valid: readonly Primitive[] | undefined;
  readonly strip: boolean;
  readonly customs: readonly ((value: unknown, label: string) => unknown)[];
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly email: boolean;
  readonly url: boolean;
  readonly pattern: RegExp | undefined;
  readonly lowercase: boolean;
  readonly integer: boolean;
  readonly positive: boolean;
  readonly negative: boolean;
  readonly items: SchemaSpec | undefined;
  /** Shape entries in shape order; undefined for `Schema.object()` without a shape. */
  readonly shape: readonly (readonly [string, SchemaSpec])[] | undefined;
  readonly patternValues: SchemaSpec | undefined;
}

/** The private slot of a schema object. */
export const SPEC: unique symbol = Symbol("pagec.schema.spec");

export function baseSpec(type: SchemaType): SchemaSpec {
  return Object.freeze({
    type,
    required: false,
    hasDefault: false,
    def: undefined,
    label: undefined,
    valid: undefined,
    strip: false,
    customs: Object.freeze([]),
    min: undefined,
    max: undefined,
    email: false,
    url: false,
    pattern: undefined,
    lowercase: false,
    integer: false,
    positive: false,
    negative: false,
    items: undefined,
    shape: undefined,
    patternValues: undefined,
  });
}

/** A new frozen spec: `base` with `changes` applied. Specs are never modified in place. */
export function withChanges(base: SchemaSpec, changes: Partial<SchemaSpec>): SchemaSpec {
  return Object.freeze({ ...base, ...changes });
}

/** The spec of a schema object, or undefined for anything else. */
export function specOf(x: unknown): SchemaSpec | undefined {
  if ((typeof x !== "object" && typeof x !== "function") || x === null) return undefined;
  const own = Object.getOwnPropertyDescriptor(x, SPEC);
  return own ? (own.value as SchemaSpec) : undefined;
}
