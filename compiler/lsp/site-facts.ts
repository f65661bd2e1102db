// Facts the hovers and completions show, read from the latest analysis: brand variables, the setVariable keys
// of the pages a file runs in (with their lines), and the CRM entities and fields of site.json.
import type { Analysis } from "../compile.js";
import type { CrmEntity } from "../site/site-config.js";
import { LineIndex } from "../source/line-index.js";

export interface SetSite { file: string; line: number }

const SET_VARIABLE = /\bsetVariable\s*\(\s*(['"`])([^'"`\\\r\n]+)\1/g;

/** Script texts (with their file offsets) of a page, layout or module. */
function scriptsOf(analysis: Analysis, file: string): { text: string; offset: number }[] {
  const t = analysis.templates.get(file);
  if (t) return t.ast.scripts.map((s) => ({ text: s.content, offset: s.contentStart }));
  const text = analysis.site.files.get(file);
  return file.startsWith("scripts/") && text !== undefined ? [{ text, offset: 0 }] : [];
}

/** setVariable keys of every page `file` takes part in (or of the file itself when no page uses it). */
export function setVariableKeys(analysis: Analysis, file: string): Map<string, SetSite[]> {
  const files = new Set<string>([file]);
  for (const p of analysis.pages) if (p.sources.includes(file) || p.route.file === file) for (const s of p.sources) files.add(s);
  const out = new Map<string, SetSite[]>();
  for (const f of [...files].sort()) {
    const full = analysis.site.files.get(f);
    if (full === undefined) continue;
    const lines = new LineIndex(full);
    for (const s of scriptsOf(analysis, f)) {
      for (const m of s.text.matchAll(SET_VARIABLE)) {
        const key = m[2];
        const list = out.get(key) ?? [];
        list.push({ file: f, line: lines.position(s.offset + (m.index ?? 0)).line + 1 });
        out.set(key, list);
      }
    }
  }
  return out;
}

export function brandVariables(analysis: Analysis): Record<string, unknown> {
  return analysis.site.variables ?? {};
}

export function crmEntities(analysis: Analysis): CrmEntity[] {
  return analysis.site.config.crm.entities;
}

/** A short JSON rendering of a value for hovers. */
export function preview(value: unknown, max = 200): string {
  let s: string;
  try { s = JSON.stringify(value, null, 2) ?? "undefined"; } catch { s = String(value); }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function entityDoc(e: CrmEntity): string {
  const fields = e.fields.map((f) => `- \`${f.key}\`${f.type ? ` (${f.type})` : ""}${f.label ? ` — ${f.label}` : ""}`);
  return [`**CRM entity** \`${e.slug}\`${e.name ? ` — ${e.name}` : ""}`, "", ...(fields.length ? fields : ["(no fields declared)"])].join("\n");
}
