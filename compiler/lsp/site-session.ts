// One analysed site inside the language server: the latest analysis with the open documents as overlays,
// merged with the warm type checker's PC3100 results, grouped by file.
import { analyzeSite, type Analysis, type AnalyzeOptions } from "../compile.js";
import { finalizeDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { createTypeChecker, type TypeChecker } from "../analyze/typecheck/index.js";

export class SiteSession {
  readonly checker: TypeChecker;
  analysis: Analysis | null = null;
  byFile = new Map<string, Diagnostic[]>();
  /** Bumped on every change; an analysis result is published only if no change arrived meanwhile. */
  generation = 0;
  /** Set while a change waits for its debounced analysis. */
  dirty = true;

  constructor(readonly root: string, checker?: TypeChecker) {
    this.checker = checker ?? createTypeChecker();
  }

  /** Runs the whole analysis (SPEC §7.1) plus type checking; never throws on site content. */
  analyze(overlays: Record<string, string>): Map<string, Diagnostic[]> {
    let diagnostics: Diagnostic[];
    try {
      // `typeChecker` lets analyzeSite reuse this warm checker once it type-checks itself; until then it is
      // ignored and the check below does the work (a second check of the same texts is a cache hit).
      const options: AnalyzeOptions & { typeChecker?: TypeChecker } = { overlays, emit: false, typeChecker: this.checker };
      const analysis = analyzeSite(this.root, options);
      this.analysis = analysis;
      diagnostics = finalizeDiagnostics([...analysis.diagnostics, ...this.checker.check(analysis)]);
    } catch (e) {
      // An internal failure must not kill the server; the previous results stay in place.
      process.stderr.write(`pagec lsp: analysis failed: ${(e as Error).stack ?? e}\n`);
      return this.byFile;
    }
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d); else byFile.set(d.file, [d]);
    }
    this.byFile = byFile;
    this.dirty = false;
    return byFile;
  }
}
