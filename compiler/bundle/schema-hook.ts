// The single call site of the schema precompiler (SPEC §8.7) for units and modules.
// PENDING: compiler/schema/index.ts (another engineer) does not exist yet; until it does this hook
// precompiles nothing and counts nothing. Replace `precompiler` with a static import once the file lands.
import type * as acorn from "acorn";
import type MagicString from "magic-string";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedUnit } from "./parse.js";
import { codeOffsetView } from "./mapped-string.js";

type Precompile = (program: acorn.Program, code: string, s: MagicString, opts: { offset: number; enabled: boolean }) =>
  { precompiled: number; dynamic: number; diagnostics: Diagnostic[] };

const precompiler: Precompile | null = null;

export interface SchemaCounts { precompiled: number; dynamic: number; diagnostics: Diagnostic[] }

/** Rewrites the static Schema expressions of one unit or module in place through `s` (the file's MagicString). */
export function precompileFileSchemas(parsed: ParsedUnit, s: MagicString, enabled: boolean): SchemaCounts {
  const run = precompiler as Precompile | null;
  if (!run) return { precompiled: 0, dynamic: 0, diagnostics: [] };
  // One block: a plain offset suffices. Several blocks: hand over a view that maps code offsets itself.
  const single = parsed.segments.length === 1;
  const target = single ? s : codeOffsetView(s, parsed.toFileOffset);
  return run(parsed.program, parsed.code, target, { offset: single ? parsed.segments[0].start : 0, enabled });
}
