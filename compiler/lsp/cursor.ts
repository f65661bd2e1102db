// The shared first step of hover and completion: the document, its site, the cursor offset, and whether the
// cursor is in a backend script (page blocks or a module) or in template markup.
import type { Position } from "vscode-languageserver/node";
import type { Analysis } from "../compile.js";
import type { Workspace, Located } from "./workspace.js";
import type { SiteSession } from "./site-session.js";
import { whereInTemplate, type Where } from "./text-context.js";

export interface Cursor {
  loc: Located;
  text: string;
  offset: number;
  where: Where;
  session: SiteSession;
  analysis: Analysis;
}

export function cursorAt(ws: Workspace, uri: string, position: Position): Cursor | null {
  const loc = ws.locate(uri);
  if (!loc || !loc.doc || loc.kind === "json") return null;
  const text = loc.doc.getText();
  const offset = loc.doc.offsetAt(position);
  const where: Where = loc.kind === "module" ? { kind: "script" } : whereInTemplate(text, offset);
  // Hovers and completions must see the text being typed, so a pending analysis runs now.
  const session = ws.ensureFresh(loc.root);
  if (!session || !session.analysis) return null;
  return { loc, text, offset, where, session, analysis: session.analysis };
}

export const SLUG_KEYS = new Set(["slug", "crmEntitySlug", "crm_entity_slug"]);
export const FIELD_KEYS = new Set(["fieldKey", "field_key"]);
