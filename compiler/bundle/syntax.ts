// What a parsed unit or module imports and exports (SPEC §4.2), plus the checks that need only the one file:
// unsupported module syntax (PC3006) and the per-file import limit (PC3004).
import type * as acorn from "acorn";
import * as walk from "acorn-walk";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedUnit } from "./parse.js";

export interface NamedImport { imported: string; local: string; /** code offsets of the imported name */ start: number; end: number }
export interface ImportInfo {
  node: acorn.ImportDeclaration;
  specifier: string;
  /** Code offsets of the specifier literal (with its quotes). */
  specStart: number;
  specEnd: number;
  defaultLocal: { name: string; start: number; end: number } | null;
  namespaceLocal: string | null;
  named: NamedImport[];
}
/** One export: `name` as importers see it, `local` the expression that holds its value at the end of the module. */
export interface ExportEntry { name: string; local: string; start: number; end: number }
export interface FileSyntax { imports: ImportInfo[]; exports: ExportEntry[]; diagnostics: Diagnostic[] }

/** The hidden binding that `export default <expression>` is rewritten to. */
export const DEFAULT_LOCAL = "__pc_default";

const nameOf = (n: acorn.Identifier | acorn.Literal): string => (n.type === "Identifier" ? n.name : String(n.value));

/** Every name bound by a declaration pattern (`const { a, b: [c] } = …` → a, c). */
export function patternNames(p: acorn.Pattern, out: string[] = []): string[] {
  switch (p.type) {
    case "Identifier": out.push(p.name); break;
    case "ObjectPattern": for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, out); break;
    case "ArrayPattern": for (const el of p.elements) if (el) patternNames(el, out); break;
    case "RestElement": patternNames(p.argument, out); break;
    case "AssignmentPattern": patternNames(p.left, out); break;
    default: break;
  }
  return out;
}

function declarationNames(d: acorn.Declaration): string[] {
  if (d.type === "VariableDeclaration") return d.declarations.flatMap((v) => patternNames(v.id));
  return d.id ? [d.id.name] : [];
}

export function scanSyntax(u: ParsedUnit, kind: "unit" | "module", maxImports: number): FileSyntax {
  const diagnostics: Diagnostic[] = [];
  const report = (code: "PC3004" | "PC3006", message: string, start: number, end: number) =>
    diagnostics.push(makeDiagnostic(u.file, u.lines, { code, message, start: u.toFileOffset(start), end: u.toFileOffset(end) }));
  const unsupported = (construct: string, start: number, end: number) => report("PC3006", `${construct} is not supported in backend scripts`, start, end);

  const imports: ImportInfo[] = [];
  const exports: ExportEntry[] = [];
  for (const node of u.program.body) {
    if (node.type === "ImportDeclaration") {
      const info: ImportInfo = { node, specifier: String(node.source.value), specStart: node.source.start, specEnd: node.source.end, defaultLocal: null, namespaceLocal: null, named: [] };
      for (const s of node.specifiers) {
        if (s.type === "ImportDefaultSpecifier") info.defaultLocal = { name: s.local.name, start: s.local.start, end: s.local.end };
        else if (s.type === "ImportNamespaceSpecifier") info.namespaceLocal = s.local.name;
        else info.named.push({ imported: nameOf(s.imported), local: s.local.name, start: s.imported.start, end: s.imported.end });
      }
      if (node.attributes && node.attributes.length > 0) {
        const withAt = u.code.slice(node.source.end, node.end).search(/\b(with|assert)\b/);
        const close = u.code.lastIndexOf("}", node.end);
        unsupported("import attributes (`with { … }`)", withAt < 0 ? node.attributes[0].start : node.source.end + withAt, Math.max(close + 1, node.attributes[0].end));
      }
      imports.push(info);
      if (imports.length === maxImports + 1) {
        const total = u.program.body.filter((n) => n.type === "ImportDeclaration").length;
        report("PC3004", `too many imports in this file: ${total} (the limit is ${maxImports})`, node.start, node.end);
      }
    } else if (node.type === "ExportAllDeclaration") {
      unsupported("`export * from`", node.start, node.end);
    } else if (node.type === "ExportNamedDeclaration") {
      if (node.source) { unsupported("`export { … } from`", node.start, node.end); continue; }
      if (node.declaration) {
        for (const name of declarationNames(node.declaration)) exports.push({ name, local: name, start: node.start, end: node.end });
      } else {
        for (const s of node.specifiers) {
          const local = nameOf(s.local);
          exports.push({ name: nameOf(s.exported), local, start: s.start, end: s.end });
        }
      }
    } else if (node.type === "ExportDefaultDeclaration") {
      const d = node.declaration;
      const named = (d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id ? d.id.name : null;
      exports.push({ name: "default", local: named ?? DEFAULT_LOCAL, start: node.start, end: node.end });
    }
  }

  walk.fullAncestor(u.program, (node, _state, ancestors) => {
    if (node.type === "ImportExpression") unsupported("dynamic `import()`", node.start, node.end);
    else if (node.type === "MetaProperty" && (node as acorn.MetaProperty).meta.name === "import") unsupported("`import.meta`", node.start, node.end);
    else if (node.type === "ReturnStatement" && kind === "module" &&
      !ancestors.some((a) => a.type === "FunctionDeclaration" || a.type === "FunctionExpression" || a.type === "ArrowFunctionExpression")) {
      unsupported("top-level `return` in a module", node.start, node.end);
    }
  });
  return { imports, exports, diagnostics };
}
