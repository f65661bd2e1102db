// PC3100 (SPEC §7.6): type-checks every unit and module of an analysed site with one warm TypeScript
// LanguageService. A file is re-checked only when its text or the text of a module it reaches changed.
import ts from "typescript";
import type { Analysis } from "../../compile.js";
import type { Diagnostic, Severity } from "../../diagnostics/diagnostic.js";
import { VirtualHost } from "./ts-host.js";
import { collectVirtualFiles, resolveImport, type VirtualFile } from "./virtual-files.js";
import { toPagecDiagnostic } from "./convert.js";
import { readSandboxDeclarations } from "./sandbox-declarations.js";

export { EXCLUDED_TS_CODES, flattenMessage } from "./convert.js";
export { COMPILER_OPTIONS } from "./ts-host.js";
export type { VirtualFile } from "./virtual-files.js";

export interface ScriptLocation { vf: VirtualFile; codeOffset: number }
export interface TypeChecker {
  /** PC3100 diagnostics of every unit and module (not yet finalized: merge them, then call finalizeDiagnostics). */
  check(analysis: Analysis): Diagnostic[];
  /** Updates the virtual files without checking (the language server's hovers and completions need them). */
  sync(analysis: Analysis): void;
  /** The virtual script containing a file offset, after check() or sync(). */
  scriptAt(file: string, offset: number): ScriptLocation | null;
  readonly service: ts.LanguageService;
  /** How many files the last check() actually re-checked (the rest came from the cache). */
  readonly lastChecked: number;
}

export function createTypeChecker(options: { declarations?: string } = {}): TypeChecker {
  const host = new VirtualHost(options.declarations ?? readSandboxDeclarations());
  const service = ts.createLanguageService(host, ts.createDocumentRegistry(true, host.getCurrentDirectory()));
  let current = new Map<string, VirtualFile>();
  const importsCache = new Map<string, { version: number; specs: string[] }>();
  // Cached in code offsets: the mapping to file positions is redone on every check, because the page text
  // around the script blocks can change while the joined script (and so the TypeScript result) does not.
  const results = new Map<string, { key: string; raw: ts.Diagnostic[] }>();
  let lastChecked = 0;

  const importsOf = (vf: VirtualFile): string[] => {
    const version = host.version(vf.path);
    const hit = importsCache.get(vf.path);
    if (hit && hit.version === version) return hit.specs;
    const specs = ts.preProcessFile(vf.code, true, true).importedFiles.map((f) => f.fileName);
    importsCache.set(vf.path, { version, specs });
    return specs;
  };
  /** The versions of a file and of every module it reaches: a file's diagnostics depend on nothing else. */
  const cacheKey = (vf: VirtualFile): string => {
    const seen = new Set<string>([vf.path]);
    const stack = [vf];
    while (stack.length) {
      const f = stack.pop()!;
      for (const spec of importsOf(f)) {
        const p = resolveImport(spec, host.modules);
        const target = p ? current.get(p) : undefined;
        if (target && !seen.has(target.path)) { seen.add(target.path); stack.push(target); }
      }
    }
    return `${[...seen].sort().map((p) => `${p}@${host.version(p)}`).join(",")}`;
  };

  const sync = (analysis: Analysis): void => {
    const files = collectVirtualFiles(analysis);
    current = new Map(files.map((f) => [f.path, f]));
    host.update(new Map(files.map((f) => [f.path, f.code])), analysis.site.modules);
    for (const p of [...results.keys()]) if (!current.has(p)) { results.delete(p); importsCache.delete(p); }
  };

  const checkOne = (vf: VirtualFile): ts.Diagnostic[] => {
    let raw: readonly ts.Diagnostic[] = [];
    try {
      raw = [...service.getSyntacticDiagnostics(vf.path), ...service.getSemanticDiagnostics(vf.path)];
    } catch {
      // A TypeScript crash on strange input must not stop the analysis: the file simply gets no PC3100.
      return [];
    }
    // Keep only what the conversion needs, so old source files are not retained by the cache.
    return raw.map((d) => ({ category: d.category, code: d.code, messageText: d.messageText, start: d.start, length: d.length, file: undefined }));
  };

  return {
    service,
    get lastChecked() { return lastChecked; },
    sync,
    check(analysis) {
      lastChecked = 0;
      const mode = analysis.site.config.typeCheck;
      sync(analysis);
      if (mode === "off") return [];
      const severity: Severity = mode === "error" ? "error" : "warning";
      const out: Diagnostic[] = [];
      for (const vf of current.values()) {
        const key = cacheKey(vf);
        let hit = results.get(vf.path);
        if (!hit || hit.key !== key) {
          hit = { key, raw: checkOne(vf) };
          results.set(vf.path, hit);
          lastChecked++;
        }
        for (const d of hit.raw) {
          const p = toPagecDiagnostic(d, vf, severity);
          if (p) out.push(p);
        }
      }
      return out;
    },
    scriptAt(file, offset) {
      for (const vf of current.values()) {
        if (vf.file !== file) continue;
        const codeOffset = vf.toCodeOffset(offset);
        if (codeOffset >= 0) return { vf, codeOffset };
      }
      return null;
    },
  };
}
