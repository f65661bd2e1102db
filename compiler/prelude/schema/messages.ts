// The fixed error messages of SPEC §5.5. `L` is the label without quotes; messages wrap it in double quotes.
// The compiler calls these same functions to bake constant messages into precompiled validators.

export type Primitive = string | number | boolean | null;

function q(L: string): string {
  return '"' + L + '"';
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? n + " " + one : String(n) + " " + many;
}

export const messages = Object.freeze({
  required: (L: string) => q(L) + " is required",
  string: (L: string) => q(L) + " must be a string",
  number: (L: string) => q(L) + " must be a number",
  boolean: (L: string) => q(L) + " must be a boolean",
  array: (L: string) => q(L) + " must be an array",
  object: (L: string) => q(L) + " must be an object",
  oneOf: (L: string, values: readonly Primitive[]) =>
    q(L) + " must be one of " + values.map((v) => JSON.stringify(v)).join(", "),
  stringMin: (L: string, n: number) => q(L) + " must be at least " + plural(n, "character", "characters"),
  stringMax: (L: string, n: number) => q(L) + " must be at most " + plural(n, "character", "characters"),
  email: (L: string) => q(L) + " must be a valid email address",
  url: (L: string) => q(L) + " must be a valid http or https URL",
  pattern: (L: string) => q(L) + " has an invalid format",
  lowercase: (L: string) => q(L) + " must be lowercase",
  integer: (L: string) => q(L) + " must be an integer",
  positive: (L: string) => q(L) + " must be a positive number",
  negative: (L: string) => q(L) + " must be a negative number",
  numberMin: (L: string, n: number) => q(L) + " must be at least " + String(n),
  numberMax: (L: string, n: number) => q(L) + " must be at most " + String(n),
  arrayMin: (L: string, n: number) => q(L) + " must contain at least " + plural(n, "item", "items"),
  arrayMax: (L: string, n: number) => q(L) + " must contain at most " + plural(n, "item", "items"),
});

export type MessageName = keyof typeof messages;
