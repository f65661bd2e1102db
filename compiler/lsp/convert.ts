// pagec diagnostics and suggestions in LSP shapes (SPEC §7.7): publishDiagnostics entries and quickfix code actions.
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver/node";
import type { Diagnostic, Suggestion } from "../diagnostics/diagnostic.js";

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  // The suggestions ride along in `data`, so code actions need no lookup even when the analysis moved on.
  return { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: "pagec", message: d.message, data: { suggestions: d.suggestions } };
}

const sameRange = (a: LspDiagnostic["range"], b: LspDiagnostic["range"]) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** Every suggestion of the given diagnostics becomes a quickfix; PC2001's `var.` fix is preferred. */
export function codeActionsFor(
  diagnostics: LspDiagnostic[],
  known: readonly Diagnostic[],
  uriOf: (file: string) => string,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const ld of diagnostics) {
    if (ld.source !== "pagec") continue;
    const data = ld.data as { suggestions?: Suggestion[] } | undefined;
    const suggestions = Array.isArray(data?.suggestions) ? data!.suggestions
      : known.find((d) => d.code === ld.code && d.message === ld.message && sameRange(d.range, ld.range))?.suggestions ?? [];
    for (const s of suggestions) {
      const changes: Record<string, TextEdit[]> = {};
      for (const e of s.edits) (changes[uriOf(e.file)] ??= []).push({ range: e.range, newText: e.newText });
      const action: CodeAction = { title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [ld], edit: { changes } };
      if (ld.code === "PC2001") action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}
