// The single call site of the schema precompiler (compiler/schema, SPEC §8.7) for units and modules: adapts
// offsets (the precompiler works in code offsets, the bundle edits whole files) and turns its findings
// (PC3031/PC3033, in code offsets) into diagnostics at file positions.
import type MagicString from "magic-string";
import { precompileSchemas } from "../schema/index.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedUnit } from "./parse.js";
import { codeOffsetView } from "./mapped-string.js";

export interface SchemaCounts { precompiled: number; dynamic: number; diagnostics: Diagnostic[] }

/** Rewrites the static Schema expressions of one unit or module in place through `s` (the file's MagicString). */
export function precompileFileSchemas(parsed: ParsedUnit, s: MagicString, enabled: boolean): SchemaCounts {
  // One block: a plain offset suffices. Several blocks: hand over a view that maps code offsets itself.
  const single = parsed.segments.length === 1;
  const target = single ? s : codeOffsetView(s, parsed.toFileOffset);
  const r = precompileSchemas(parsed.program, parsed.code, target, { offset: single ? parsed.segments[0].start : 0, enabled });
  const diagnostics = r.diagnostics.map((d) => makeDiagnostic(parsed.file, parsed.lines, {
    code: d.code, message: d.message, start: parsed.toFileOffset(d.start), end: parsed.toFileOffset(d.end),
  }));
  return { precompiled: r.precompiled, dynamic: r.dynamic, diagnostics };
}
