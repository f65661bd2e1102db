// Loads Appendix A (pagec-sandbox.d.ts, shipped verbatim next to this file's source) as a string. build/ only
// holds transpiled .ts files, so the .d.ts is read from the package root in both source and built layouts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../build/package-files.js";

export const SANDBOX_DECLARATIONS_FILE = "compiler/analyze/typecheck/pagec-sandbox.d.ts";

/** The declarations text. Throws only when the package itself is incomplete (never on user input). */
export function readSandboxDeclarations(): string {
  return readFileSync(join(packageRoot(), SANDBOX_DECLARATIONS_FILE), "utf8");
}
