// Compile-time Schema support: precompiled validators and PC3031/PC3033 (SPEC §8.7, §7.3.3).
export { precompileSchemas, type PrecompileOptions, type PrecompileResult } from "./precompile.js";
export type { SchemaDiagnostic } from "./diagnose.js";
export { generateValidatorSource } from "./codegen.js";
export { starHeight } from "./star-height.js";
