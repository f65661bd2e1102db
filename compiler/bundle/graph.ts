// The module graph of one page (SPEC §4.2): resolves every import of every unit, loads and parses the modules
// it reaches depth-first in import order, and reports PC3002 (unknown module), PC3003 (unknown export),
// PC3005 (cycle) and PC3032 (too many modules), plus each module's own PC3001/PC3004/PC3006.
import { makeDiagnostic, type Diagnostic, type OffsetSuggestion } from "../diagnostics/diagnostic.js";
import { closest } from "../diagnostics/closest.js";
import { parseModule, type ModuleFile, type ParsedUnit } from "./parse.js";
import { scanSyntax, type FileSyntax, type ImportInfo } from "./syntax.js";
import { resolveSpecifier, stripSpecifier } from "./specifier.js";

/** A parsed unit or module together with what it imports and exports. */
export interface ScannedFile { parsed: ParsedUnit; syntax: FileSyntax }
export interface ModuleNode {
  code: string;
  file: string;
  /** Position in discovery order; the bundle names it `__m<index>`. */
  index: number;
  scanned: ScannedFile | null;
}
export interface ModuleGraph {
  /** Reachable modules that exist, in discovery order (depth-first, import order). */
  modules: ModuleNode[];
  /** The module each import declaration resolved to (absent when it did not resolve). */
  resolved: Map<ImportInfo, ModuleNode>;
  diagnostics: Diagnostic[];
}
export interface GraphOptions {
  readModule(code: string): ModuleFile | null;
  maxImports: number;
  maxModulesPerPage: number;
  /** Known module codes, for "replace with" suggestions on PC3002. */
  moduleCodes?: readonly string[];
}

export function buildModuleGraph(units: ScannedFile[], opts: GraphOptions): ModuleGraph {
  const byCode = new Map<string, ModuleNode | null>();
  const modules: ModuleNode[] = [];
  const resolved = new Map<ImportInfo, ModuleNode>();
  const diagnostics: Diagnostic[] = [];
  let overLimit: { owner: ParsedUnit; imp: ImportInfo } | null = null;

  const report = (owner: ParsedUnit, code: Diagnostic["code"], message: string, start: number, end: number, suggestions?: OffsetSuggestion[]) =>
    diagnostics.push(makeDiagnostic(owner.file, owner.lines, { code, message, start: owner.toFileOffset(start), end: owner.toFileOffset(end), suggestions }));

  const unknownModule = (owner: ParsedUnit, imp: ImportInfo) => {
    const stripped = stripSpecifier(imp.specifier);
    const best = closest(stripped, opts.moduleCodes ?? []);
    const suggestions = best === undefined ? [] : [{
      title: `replace with \`"${best}"\``,
      edits: [{ start: owner.toFileOffset(imp.specStart), end: owner.toFileOffset(imp.specEnd), newText: JSON.stringify(best) }],
    }];
    report(owner, "PC3002", `cannot find module \`${imp.specifier}\` (expected scripts/${stripped}.js)`, imp.specStart, imp.specEnd, suggestions);
  };

  const checkExports = (owner: ParsedUnit, imp: ImportInfo, node: ModuleNode) => {
    if (!node.scanned) return; // the module did not parse: PC3001 is already reported there
    const names = node.scanned.syntax.exports.map((e) => e.name);
    const has = new Set(names);
    if (imp.defaultLocal && !has.has("default")) {
      report(owner, "PC3003", `module \`${node.code}\` has no default export`, imp.defaultLocal.start, imp.defaultLocal.end);
    }
    for (const n of imp.named) {
      if (has.has(n.imported)) continue;
      const best = closest(n.imported, names.filter((x) => x !== "default"));
      const suggestions = best === undefined ? [] : [{
        title: `replace with \`${best}\``,
        edits: [{ start: owner.toFileOffset(n.start), end: owner.toFileOffset(n.end), newText: best }],
      }];
      report(owner, "PC3003", `module \`${node.code}\` has no export named \`${n.imported}\``, n.start, n.end, suggestions);
    }
  };

  const visit = (owner: ScannedFile, stack: string[]): void => {
    for (const imp of owner.syntax.imports) {
      const code = resolveSpecifier(imp.specifier);
      if (code === null) { unknownModule(owner.parsed, imp); continue; }
      let node = byCode.get(code);
      if (node === null) { unknownModule(owner.parsed, imp); continue; }
      if (node === undefined) {
        const file = opts.readModule(code);
        if (!file) { byCode.set(code, null); unknownModule(owner.parsed, imp); continue; }
        const parsed = parseModule(file);
        diagnostics.push(...parsed.diagnostics);
        const fresh: ModuleNode = { code, file: file.file, index: modules.length, scanned: null };
        if (parsed.module) {
          const syntax = scanSyntax(parsed.module, "module", opts.maxImports);
          diagnostics.push(...syntax.diagnostics);
          fresh.scanned = { parsed: parsed.module, syntax };
        }
        byCode.set(code, fresh);
        modules.push(fresh);
        if (modules.length === opts.maxModulesPerPage + 1) overLimit = { owner: owner.parsed, imp };
        resolved.set(imp, fresh);
        checkExports(owner.parsed, imp, fresh);
        if (fresh.scanned) visit(fresh.scanned, [...stack, code]);
        continue;
      }
      resolved.set(imp, node);
      checkExports(owner.parsed, imp, node);
      const at = stack.indexOf(code);
      if (at >= 0) {
        const cycle = [...stack.slice(at), code].join(" → ");
        report(owner.parsed, "PC3005", `import cycle: ${cycle}`, imp.specStart, imp.specEnd);
      }
    }
  };
  for (const u of units) visit(u, []);

  const over = overLimit as { owner: ParsedUnit; imp: ImportInfo } | null;
  if (over) {
    report(over.owner, "PC3032", `this page uses ${modules.length} modules (the limit is ${opts.maxModulesPerPage})`, over.imp.node.start, over.imp.node.end);
  }
  return { modules, resolved, diagnostics };
}
