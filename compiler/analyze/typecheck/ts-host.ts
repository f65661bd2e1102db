// The in-memory LanguageServiceHost behind the type checker: versioned virtual files, the sandbox declarations,
// TypeScript's own lib files read once, and import specifiers resolved by pagec's module rules (SPEC §4.2, §7.6).
import ts from "typescript";
import { DECLARATIONS_PATH, VIRTUAL_ROOT, resolveImport } from "./virtual-files.js";

/** SPEC §7.6 compiler options. moduleDetection "force": every unit and module is an ES module, so top-level
 *  names of different pages never clash as globals even when a unit has no import or export. */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: true,
  noEmit: true,
  strict: false,
  noImplicitAny: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  lib: ["lib.es2022.d.ts"],
  types: [],
  allowUnreachableCode: true,
  allowUnusedLabels: true,
  skipLibCheck: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
};

interface Entry { code: string; version: number; snapshot: ts.IScriptSnapshot }

export class VirtualHost implements ts.LanguageServiceHost {
  private readonly files = new Map<string, Entry>();
  private readonly disk = new Map<string, ts.IScriptSnapshot | undefined>();
  private projectVersion = 0;
  private fileNames: string[] = [DECLARATIONS_PATH];
  /** module code → site-relative file, for import resolution. */
  modules: ReadonlyMap<string, string> = new Map();

  constructor(declarations: string) {
    this.files.set(DECLARATIONS_PATH, { code: declarations, version: 1, snapshot: ts.ScriptSnapshot.fromString(declarations) });
  }

  /** Replaces the set of virtual files; unchanged texts keep their version so TypeScript reuses them. */
  update(next: ReadonlyMap<string, string>, modules: ReadonlyMap<string, string>): void {
    let changed = false;
    for (const path of [...this.files.keys()]) {
      if (path !== DECLARATIONS_PATH && !next.has(path)) { this.files.delete(path); changed = true; }
    }
    for (const [path, code] of next) {
      const old = this.files.get(path);
      if (old && old.code === code) continue;
      this.files.set(path, { code, version: (old?.version ?? 0) + 1, snapshot: ts.ScriptSnapshot.fromString(code) });
      changed = true;
    }
    const sameModules = modules.size === this.modules.size && [...modules].every(([k, v]) => this.modules.get(k) === v);
    if (!sameModules) { this.modules = new Map(modules); changed = true; }
    if (changed) {
      this.projectVersion++;
      this.fileNames = [DECLARATIONS_PATH, ...[...next.keys()].sort()];
    }
  }

  version(path: string): number { return this.files.get(path)?.version ?? 0; }

  getProjectVersion(): string { return String(this.projectVersion); }
  getScriptFileNames(): string[] { return this.fileNames; }
  getScriptVersion(path: string): string { return String(this.files.get(path)?.version ?? 0); }
  getScriptSnapshot(path: string): ts.IScriptSnapshot | undefined {
    const v = this.files.get(path);
    if (v) return v.snapshot;
    if (path.startsWith(VIRTUAL_ROOT)) return undefined;
    // lib.*.d.ts: read once per checker; TypeScript's document registry then keeps the parsed files.
    if (!this.disk.has(path)) {
      const text = ts.sys.readFile(path);
      this.disk.set(path, text === undefined ? undefined : ts.ScriptSnapshot.fromString(text));
    }
    return this.disk.get(path);
  }
  getCurrentDirectory(): string { return VIRTUAL_ROOT; }
  getCompilationSettings(): ts.CompilerOptions { return COMPILER_OPTIONS; }
  getDefaultLibFileName(options: ts.CompilerOptions): string { return ts.getDefaultLibFilePath(options); }
  fileExists(path: string): boolean { return this.files.has(path) || (!path.startsWith(VIRTUAL_ROOT) && ts.sys.fileExists(path)); }
  readFile(path: string): string | undefined {
    return this.files.get(path)?.code ?? (path.startsWith(VIRTUAL_ROOT) ? undefined : ts.sys.readFile(path));
  }
  directoryExists(path: string): boolean { return path.startsWith(VIRTUAL_ROOT) || ts.sys.directoryExists(path); }
  getDirectories(): string[] { return []; }
  useCaseSensitiveFileNames(): boolean { return true; }

  resolveModuleNameLiterals(literals: readonly ts.StringLiteralLike[]): ts.ResolvedModuleWithFailedLookupLocations[] {
    return literals.map((lit) => {
      const path = resolveImport(lit.text, this.modules);
      return { resolvedModule: path ? { resolvedFileName: path, extension: ts.Extension.Js, isExternalLibraryImport: false } : undefined };
    });
  }
}
