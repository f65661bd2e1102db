// Test support: evaluate generated validator source the way a bundle does, with `__pc` in scope.
import { Schema, schemaHelpers, specOf, withPrecompiledValidate } from "../../compiler/prelude/schema/index.js";
import { generateValidatorSource } from "../../compiler/schema/codegen.js";

export const pc = { schema: withPrecompiledValidate, sh: schemaHelpers };

type AnySchema = ReturnType<typeof Schema.string>;

/** The precompiled twin of `schema`, built from generated source evaluated with `new Function`. */
export function precompile(schema: unknown): AnySchema {
  const spec = specOf(schema);
  if (!spec) throw new Error("not a schema");
  const src = generateValidatorSource(spec);
  if (src === undefined) throw new Error("schema too large");
  const fn = new Function("__pc", "return " + src)(pc) as (data: unknown) => unknown;
  return withPrecompiledValidate(schema, fn) as AnySchema;
}

/** Validate with both implementations and return both results. */
export function both(schema: unknown, data: unknown): [unknown, unknown] {
  const s = schema as { validate(d: unknown): unknown };
  return [s.validate(data), precompile(schema).validate(data)];
}

// Loose typing for tests: schema methods return frozen objects whose methods vary by type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const S: any = Schema;
