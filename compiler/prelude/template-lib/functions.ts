// Template functions that live in the prelude (SPEC §3.8). Only dump: the session and CRM functions are
// supplied per request by the runtime.

/** The value as indented JSON text; undefined for undefined and for values JSON cannot write (cycles, BigInt). */
export function dump(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return undefined;
  }
}

export const functions: { readonly dump: (value: unknown) => string | undefined } = Object.freeze({ dump });
