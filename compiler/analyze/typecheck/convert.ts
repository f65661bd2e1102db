// Turns one TypeScript diagnostic into PC3100 (SPEC §7.3.3, §7.6): excluded codes dropped, the message chain
// flattened onto one line, the range mapped back to the page or module file, and the TS2551 "did you mean" fix.
import ts from "typescript";
import { makeDiagnostic, type Diagnostic, type Severity } from "../../diagnostics/diagnostic.js";
import type { VirtualFile } from "./virtual-files.js";

/** Never reported: pagec's own checks cover them (top-level return/await, unknown names, module resolution). */
export const EXCLUDED_TS_CODES: ReadonlySet<number> = new Set([1108, 1375, 1378, 2304, 2552, 2580, 2582, 2591, 2592, 2593, 2305, 2307, 2613, 2614, 2792]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Multi-line messages (chains, indented) become one line: each line trimmed, joined with one space. */
export function flattenMessage(messageText: string | ts.DiagnosticMessageChain): string {
  return ts.flattenDiagnosticMessageText(messageText, "\n").split("\n").map((l) => l.trim()).filter((l) => l !== "").join(" ");
}

export function toPagecDiagnostic(d: ts.Diagnostic, vf: VirtualFile, severity: Severity): Diagnostic | null {
  if (EXCLUDED_TS_CODES.has(d.code)) return null;
  const text = flattenMessage(d.messageText);
  const codeStart = Math.max(0, Math.min(d.start ?? 0, vf.code.length));
  const codeEnd = Math.max(codeStart, Math.min(codeStart + (d.length ?? 0), vf.code.length));
  const start = vf.toFileOffset(codeStart);
  const end = Math.max(start, vf.toFileOffset(codeEnd));
  const suggestions = [];
  if (d.code === 2551) {
    // "Property 'x' does not exist on type 'T'. Did you mean 'y'?" — the range is the property name.
    const m = /Did you mean '([^']+)'\?/.exec(text);
    if (m && IDENTIFIER.test(m[1]) && end > start) {
      suggestions.push({ title: `replace with \`${m[1]}\``, edits: [{ start, end, newText: m[1] }] });
    }
  }
  return makeDiagnostic(vf.file, vf.lines, { code: "PC3100", message: `${text} (TS${d.code})`, start, end, severity, suggestions });
}
