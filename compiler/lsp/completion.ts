// Completions (SPEC §7.7): filters after `|`, `var.` keys, names and template functions in expressions,
// directives after `@`, CRM slugs and field keys inside `slug: '…'` / `fieldKey: '…'`, and in scripts the
// sandbox globals and members straight from the warm TypeScript language service.
import ts from "typescript";
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver/node";
import { FILTERS, FUNCTIONS, BUILTIN_NAMES } from "../prelude/template-lib/manifest.js";
import { PAREN_DIRECTIVES, BARE_DIRECTIVES } from "../template/directive-recognize.js";
import type { Workspace } from "./workspace.js";
import { cursorAt, type Cursor } from "./cursor.js";
import { slugOnLine } from "./text-context.js";
import { brandVariables, crmEntities, preview, setVariableKeys } from "./site-facts.js";
import { BUILTIN_DOCS, DIRECTIVE_DOCS } from "./template-docs.js";

export function provideCompletion(ws: Workspace, uri: string, position: Position): CompletionItem[] {
  const c = cursorAt(ws, uri, position);
  if (!c) return [];
  const before = c.text.slice(Math.max(0, c.offset - 400), c.offset);
  const crm = crmCompletions(c, before);
  if (crm) return crm;
  if (c.where.kind === "script") return scriptCompletions(c);
  if (c.where.kind === "text") {
    return /(?:^|[^A-Za-z0-9_.@])@[A-Za-z]*$/.test(before)
      ? [...PAREN_DIRECTIVES, ...BARE_DIRECTIVES].map((d) => ({ label: d, kind: CompletionItemKind.Keyword, detail: DIRECTIVE_DOCS[d] }))
      : [];
  }
  const expr = c.where.before;
  if (/(?:^|[^|])\|\s*[A-Za-z_]*$/.test(expr)) {
    return Object.entries(FILTERS).map(([name, s]) => ({ label: name, kind: CompletionItemKind.Function, detail: s.doc }));
  }
  if (/(?:^|[^\w$.])var\.[A-Za-z_]*$/.test(expr)) return variableCompletions(c);
  if (/(?:^|[^\w$.])[A-Za-z_]*$/.test(expr)) return nameCompletions(c);
  return [];
}

function crmCompletions(c: Cursor, before: string): CompletionItem[] | null {
  if (/\b(?:slug|crmEntitySlug|crm_entity_slug)\s*:\s*['"][^'"\r\n]*$/.test(before)) {
    return crmEntities(c.analysis).map((e) => ({ label: e.slug, kind: CompletionItemKind.Value, detail: e.name ?? "CRM entity" }));
  }
  if (/\b(?:fieldKey|field_key)\s*:\s*['"][^'"\r\n]*$/.test(before) || /\bfieldKeys\s*:\s*\[[^\]]*['"][^'"\r\n]*$/.test(before)) {
    const slug = slugOnLine(before.slice(before.lastIndexOf("{")));
    const entities = crmEntities(c.analysis).filter((e) => slug === null || e.slug === slug);
    return entities.flatMap((e) => e.fields.map((f) => ({
      label: f.key, kind: CompletionItemKind.Field, detail: [e.slug, f.type, f.label].filter(Boolean).join(" · "),
    })));
  }
  return null;
}

function variableCompletions(c: Cursor): CompletionItem[] {
  const items = new Map<string, CompletionItem>();
  for (const [key, value] of Object.entries(brandVariables(c.analysis))) {
    items.set(key, { label: key, kind: CompletionItemKind.Variable, detail: `variables.json: ${preview(value, 80)}` });
  }
  for (const [key, sites] of setVariableKeys(c.analysis, c.loc.rel)) {
    if (!items.has(key)) items.set(key, { label: key, kind: CompletionItemKind.Variable, detail: `setVariable in ${sites[0].file}:${sites[0].line}` });
  }
  return [...items.values()];
}

function nameCompletions(c: Cursor): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: CompletionItemKind, detail?: string) => { if (!seen.has(label)) { seen.add(label); items.push({ label, kind, detail }); } };
  // Loop variables and @set names written earlier in this file (a cheap, text-based view of the scope).
  const head = c.text.slice(0, c.offset);
  for (const m of head.matchAll(/@foreach\s*\(\s*\(?\s*([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?/g)) { add(m[1], CompletionItemKind.Variable, "loop variable"); if (m[2]) add(m[2], CompletionItemKind.Variable, "loop key"); }
  for (const m of head.matchAll(/@set\s*\(\s*([A-Za-z_]\w*)/g)) add(m[1], CompletionItemKind.Variable, "@set local");
  if (/@foreach\s*\(/.test(head)) add("loop", CompletionItemKind.Variable, BUILTIN_DOCS.loop);
  for (const n of BUILTIN_NAMES) add(n, CompletionItemKind.Variable, BUILTIN_DOCS[n]);
  for (const [n, s] of Object.entries(FUNCTIONS)) add(n, CompletionItemKind.Function, s.doc);
  return items;
}

const KIND: Record<string, CompletionItemKind> = {
  [ts.ScriptElementKind.memberFunctionElement]: CompletionItemKind.Method,
  [ts.ScriptElementKind.memberVariableElement]: CompletionItemKind.Property,
  [ts.ScriptElementKind.memberGetAccessorElement]: CompletionItemKind.Property,
  [ts.ScriptElementKind.functionElement]: CompletionItemKind.Function,
  [ts.ScriptElementKind.constElement]: CompletionItemKind.Constant,
  [ts.ScriptElementKind.letElement]: CompletionItemKind.Variable,
  [ts.ScriptElementKind.variableElement]: CompletionItemKind.Variable,
  [ts.ScriptElementKind.localVariableElement]: CompletionItemKind.Variable,
  [ts.ScriptElementKind.interfaceElement]: CompletionItemKind.Interface,
  [ts.ScriptElementKind.keyword]: CompletionItemKind.Keyword,
  [ts.ScriptElementKind.alias]: CompletionItemKind.Reference,
};

function scriptCompletions(c: Cursor): CompletionItem[] {
  const at = c.session.checker.scriptAt(c.loc.rel, c.offset);
  if (!at) return [];
  const info = c.session.checker.service.getCompletionsAtPosition(at.vf.path, at.codeOffset, { includeCompletionsWithInsertText: true });
  if (!info) return [];
  return info.entries.map((e) => ({ label: e.name, kind: KIND[e.kind] ?? CompletionItemKind.Text, sortText: e.sortText, insertText: e.insertText }));
}
