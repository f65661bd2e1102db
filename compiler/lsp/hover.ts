// Hovers (SPEC §7.7): sandbox globals and members (the Appendix A declaration and its doc, via TypeScript),
// filters and template functions (manifest), directives, `var.<key>` (variables.json value or the setVariable
// lines), CRM slugs and field keys (site.json).
import ts from "typescript";
import { MarkupKind, type Hover, type Position } from "vscode-languageserver/node";
import { FILTERS, FUNCTIONS } from "../prelude/template-lib/manifest.js";
import type { Workspace } from "./workspace.js";
import { cursorAt, FIELD_KEYS, SLUG_KEYS, type Cursor } from "./cursor.js";
import { slugOnLine, stringAt, wordAt } from "./text-context.js";
import { brandVariables, crmEntities, entityDoc, preview, setVariableKeys } from "./site-facts.js";
import { BUILTIN_DOCS, DIRECTIVE_DOCS } from "./template-docs.js";

const md = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value } });

export function provideHover(ws: Workspace, uri: string, position: Position): Hover | null {
  const c = cursorAt(ws, uri, position);
  if (!c) return null;
  const crm = crmHover(c);
  if (crm) return crm;
  if (c.where.kind === "script") return scriptHover(c);
  const w = wordAt(c.text, c.offset);
  if (!w) return null;
  const lineStart = Math.max(c.text.lastIndexOf("\n", w.start - 1), c.text.lastIndexOf("\r", w.start - 1)) + 1;
  const pre = c.text.slice(lineStart, w.start);
  if (pre.endsWith("@") && DIRECTIVE_DOCS[w.word]) return md(`**directive** \`@${w.word}\`\n\n${DIRECTIVE_DOCS[w.word]}`);
  if (c.where.kind !== "expression") return null;
  if (/(?:^|[^|])\|\s*$/.test(pre) && FILTERS[w.word]) return md(`**filter** \`${w.word}\`\n\n${FILTERS[w.word].doc}`);
  if (/(?:^|[^\w$.])var\.$/.test(pre)) return variableHover(c, w.word);
  if (/\.\s*$/.test(pre)) return null;
  if (FUNCTIONS[w.word]) return md(`**template function** \`${w.word}\`\n\n${FUNCTIONS[w.word].doc}`);
  if (BUILTIN_DOCS[w.word]) return md(`**built-in** \`${w.word}\`\n\n${BUILTIN_DOCS[w.word]}`);
  return null;
}

function variableHover(c: Cursor, key: string): Hover | null {
  const parts: string[] = [`**variable** \`var.${key}\``];
  const vars = brandVariables(c.analysis);
  if (Object.prototype.hasOwnProperty.call(vars, key)) parts.push(`variables.json:\n\`\`\`json\n${preview(vars[key])}\n\`\`\``);
  const sites = setVariableKeys(c.analysis, c.loc.rel).get(key);
  if (sites) parts.push(`set by \`setVariable('${key}', …)\` at ${sites.map((s) => `${s.file}:${s.line}`).join(", ")}`);
  if (parts.length === 1) parts.push("never set: not in variables.json and no `setVariable` in this page's scripts");
  return md(parts.join("\n\n"));
}

function crmHover(c: Cursor): Hover | null {
  const s = stringAt(c.text, c.offset);
  if (!s || !s.key) return null;
  const entities = crmEntities(c.analysis);
  if (SLUG_KEYS.has(s.key)) {
    const e = entities.find((x) => x.slug === s.value);
    return md(e ? entityDoc(e) : `CRM entity \`${s.value}\` is not declared in site.json`);
  }
  if (FIELD_KEYS.has(s.key)) {
    const slug = slugOnLine(s.lineText);
    const e = entities.find((x) => x.slug === slug);
    const f = e?.fields.find((x) => x.key === s.value);
    if (!e || !f) return null;
    return md(`**CRM field** \`${f.key}\` of \`${e.slug}\`${f.type ? `\n\ntype: ${f.type}` : ""}${f.label ? `\n\nlabel: ${f.label}` : ""}`);
  }
  return null;
}

function scriptHover(c: Cursor): Hover | null {
  const at = c.session.checker.scriptAt(c.loc.rel, c.offset);
  if (!at) return null;
  const info = c.session.checker.service.getQuickInfoAtPosition(at.vf.path, at.codeOffset);
  if (!info) return null;
  const decl = ts.displayPartsToString(info.displayParts);
  const doc = ts.displayPartsToString(info.documentation);
  const start = at.vf.toFileOffset(info.textSpan.start);
  const end = at.vf.toFileOffset(info.textSpan.start + info.textSpan.length);
  const doc2 = c.loc.doc!;
  return {
    contents: { kind: MarkupKind.Markdown, value: `\`\`\`ts\n${decl}\n\`\`\`${doc ? `\n\n${doc}` : ""}` },
    range: { start: doc2.positionAt(start), end: doc2.positionAt(end) },
  };
}
