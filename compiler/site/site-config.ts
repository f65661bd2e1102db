// site.json and variables.json validation (SPEC §2.5, §2.6): resolves defaults, reports PC5008/PC5009/PC5016.
import { DEFAULT_LIMITS, OVERRIDABLE_LIMITS, type Limits } from "./limits.js";
import { LineIndex } from "../source/line-index.js";
import { makeDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Code } from "../diagnostics/catalogue.js";

export interface CrmField { key: string; type?: string; label?: string }
export interface CrmEntity { slug: string; name?: string; fields: CrmField[]; declaresFields: boolean }
export interface ResolvedSite {
  id: string;
  name: string | null;
  crm: { entities: CrmEntity[] };
  session: { cookieName: string; ttlSeconds: number; secretEnv: string };
  limits: Limits;
  typeCheck: "error" | "warning" | "off";
  trustProxy: boolean;
}

const FIELD_TYPES = new Set("text textarea email tel url number integer decimal currency date datetime time select multiselect checkbox boolean radio json rich_text wysiwyg phone color image file reference multi_reference".split(" "));
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function defaultSiteId(dirName: string): string {
  return dirName.toLowerCase().replace(/[^a-z0-9_-]/g, "-").slice(0, 64) || "site";
}

/**
 * The [start, end) of the JSON value at `pointer` and of the key naming it (PC5008 covers the offending value,
 * PC5016 the unknown key); [0, 0] when not found.
 */
export function locateValue(text: string, pointer: string[]): { value: [number, number]; key: [number, number] } {
  const none = { value: [0, 0] as [number, number], key: [0, 0] as [number, number] };
  let pos = skipWs(text, 0);
  let keyRange: [number, number] = [0, 0];
  for (const key of pointer) {
    const c = text[pos];
    if (c === "{") {
      pos = skipWs(text, pos + 1);
      let found = false;
      while (pos < text.length && text[pos] !== "}") {
        const keyStart = pos;
        const keyEnd = valueEnd(text, pos);
        let name: unknown;
        try { name = JSON.parse(text.slice(pos, keyEnd)); } catch { return none; }
        pos = skipWs(text, keyEnd);
        if (text[pos] !== ":") return none;
        pos = skipWs(text, pos + 1);
        if (name === key) { found = true; keyRange = [keyStart, keyEnd]; break; }
        pos = skipWs(text, valueEnd(text, pos));
        if (text[pos] === ",") pos = skipWs(text, pos + 1);
      }
      if (!found) return none;
    } else if (c === "[") {
      const index = Number(key);
      pos = skipWs(text, pos + 1);
      for (let i = 0; i < index && pos < text.length && text[pos] !== "]"; i++) {
        pos = skipWs(text, valueEnd(text, pos));
        if (text[pos] === ",") pos = skipWs(text, pos + 1);
      }
      if (text[pos] === "]") return none;
      keyRange = [pos, valueEnd(text, pos)];
    } else return none;
  }
  return { value: [pos, valueEnd(text, pos)], key: keyRange };
}

function skipWs(text: string, i: number): number {
  while (i < text.length && " \t\r\n".includes(text[i])) i++;
  return i;
}

/** End offset of the JSON value starting at `i` (strings, numbers, literals, nested objects and arrays). */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) { if (text[j] === "\\") j++; else if (text[j] === '"') return j + 1; }
    return text.length;
  }
  if (c === "{" || c === "[") {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text[j];
      if (d === '"') { j = valueEnd(text, j) - 1; continue; }
      if (d === "{" || d === "[") depth++;
      else if ((d === "}" || d === "]") && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !",}] \t\r\n".includes(text[j])) j++;
  return j;
}

export function resolveSiteJson(file: string, text: string | null, dirName: string): { site: ResolvedSite; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(text ?? "");
  const site: ResolvedSite = {
    id: defaultSiteId(dirName), name: null, crm: { entities: [] },
    session: { cookieName: "pagec_sid", ttlSeconds: 10800, secretEnv: "PAGEC_SESSION_SECRET" },
    limits: { ...DEFAULT_LIMITS }, typeCheck: "warning", trustProxy: false,
  };
  if (text === null) return { site, diagnostics };
  const report = (code: Code, message: string, ptr: string[], at?: [number, number]) => {
    const found = locateValue(text, ptr);
    const [start, end] = at ?? (code === "PC5016" ? found.key : found.value);
    diagnostics.push(makeDiagnostic(file, lines, { code, message, start, end }));
  };
  const bad = (ptr: string[], problem: string) => report("PC5008", `site.json: /${ptr.join("/")}: ${problem}`, ptr);
  const unknown = (ptr: string[]) => report("PC5016", `site.json: unknown key \`${ptr.join(".")}\``, ptr);
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const pos = m ? Number(m[1]) : 0;
    report("PC5008", `site.json: : ${(e as Error).message.replace(/ in JSON at position \d+.*$/, "")}`, [], [pos, pos + 1]);
    return { site, diagnostics };
  }
  if (!isObj(json)) { bad([], "must be a JSON object"); return { site, diagnostics }; }
  for (const [k, v] of Object.entries(json)) {
    switch (k) {
      case "id":
        if (typeof v === "string" && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(v)) site.id = v; else bad(["id"], "must match ^[a-z0-9][a-z0-9_-]{0,63}$");
        break;
      case "name":
        if (typeof v === "string") site.name = v; else bad(["name"], "must be a string");
        break;
      case "crm": resolveCrm(v, site, bad, unknown); break;
      case "session": resolveSession(v, site, bad, unknown); break;
      case "limits":
        if (!isObj(v)) { bad(["limits"], "must be an object"); break; }
        for (const [lk, lv] of Object.entries(v)) {
          if (!OVERRIDABLE_LIMITS.has(lk)) { unknown(["limits", lk]); continue; }
          if (typeof lv === "number" && Number.isInteger(lv) && lv > 0) (site.limits as Record<string, number>)[lk] = lv;
          else bad(["limits", lk], "must be a positive integer");
        }
        break;
      case "typeCheck":
        if (v === "error" || v === "warning" || v === "off") site.typeCheck = v; else bad(["typeCheck"], 'must be "error", "warning" or "off"');
        break;
      case "trustProxy":
        if (typeof v === "boolean") site.trustProxy = v; else bad(["trustProxy"], "must be a boolean");
        break;
      default: unknown([k]);
    }
  }
  return { site, diagnostics };
}

type Bad = (ptr: string[], problem: string) => void;
type Unknown = (ptr: string[]) => void;

function resolveCrm(v: unknown, site: ResolvedSite, bad: Bad, unknown: Unknown) {
  if (!isObj(v)) return bad(["crm"], "must be an object");
  for (const k of Object.keys(v)) if (k !== "entities") unknown(["crm", k]);
  if (v.entities === undefined) return;
  if (!Array.isArray(v.entities)) return bad(["crm", "entities"], "must be an array");
  const seen = new Set<string>();
  v.entities.forEach((e: unknown, i: number) => {
    const p = ["crm", "entities", String(i)];
    if (!isObj(e)) return bad(p, "must be an object");
    if (typeof e.slug !== "string" || !/^[a-z0-9][a-z0-9_-]*$/.test(e.slug)) return bad([...p, "slug"], "must be a string matching ^[a-z0-9][a-z0-9_-]*$");
    if (seen.has(e.slug)) return bad([...p, "slug"], `duplicate entity slug "${e.slug}"`);
    seen.add(e.slug);
    const entity: CrmEntity = { slug: e.slug, fields: [], declaresFields: false };
    if (e.name !== undefined) { if (typeof e.name === "string") entity.name = e.name; else bad([...p, "name"], "must be a string"); }
    for (const k of Object.keys(e)) if (!["slug", "name", "fields"].includes(k)) unknown([...p, k]);
    if (e.fields !== undefined) {
      if (!Array.isArray(e.fields)) bad([...p, "fields"], "must be an array");
      else {
        entity.declaresFields = true;
        const keys = new Set<string>();
        e.fields.forEach((f: unknown, j: number) => {
          const fp = [...p, "fields", String(j)];
          const field: CrmField | null = typeof f === "string" ? { key: f } : isObj(f) && typeof f.key === "string" ? { key: f.key } : null;
          if (!field) return bad(fp, "must be a string or an object with a string key");
          if (!/^[a-zA-Z0-9_.-]+$/.test(field.key)) return bad(fp, "field key must match ^[a-zA-Z0-9_.-]+$");
          if (keys.has(field.key)) return bad(fp, `duplicate field key "${field.key}"`);
          keys.add(field.key);
          if (isObj(f)) {
            if (f.type !== undefined) { if (typeof f.type !== "string") bad([...fp, "type"], "must be a string"); else { field.type = f.type; if (!FIELD_TYPES.has(f.type)) unknown([...fp, "type"]); } }
            if (f.label !== undefined) { if (typeof f.label === "string") field.label = f.label; else bad([...fp, "label"], "must be a string"); }
            for (const k of Object.keys(f)) if (!["key", "type", "label"].includes(k)) unknown([...fp, k]);
          }
          entity.fields.push(field);
        });
      }
    }
    site.crm.entities.push(entity);
  });
}

function resolveSession(v: unknown, site: ResolvedSite, bad: Bad, unknown: Unknown) {
  if (!isObj(v)) return bad(["session"], "must be an object");
  for (const [k, x] of Object.entries(v)) {
    if (k === "cookieName") { if (typeof x === "string" && TOKEN.test(x)) site.session.cookieName = x; else bad(["session", k], "must be a valid cookie name"); }
    else if (k === "ttlSeconds") { if (typeof x === "number" && Number.isInteger(x) && x >= 60 && x <= 2592000) site.session.ttlSeconds = x; else bad(["session", k], "must be an integer from 60 to 2592000"); }
    else if (k === "secretEnv") { if (typeof x === "string" && x.length > 0) site.session.secretEnv = x; else bad(["session", k], "must be a non-empty string"); }
    else unknown(["session", k]);
  }
}

export function resolveVariables(file: string, text: string | null): { variables: Record<string, unknown>; diagnostics: Diagnostic[] } {
  if (text === null) return { variables: Object.create(null), diagnostics: [] };
  const lines = new LineIndex(text);
  try {
    const v = JSON.parse(text);
    if (!isObj(v)) return { variables: Object.create(null), diagnostics: [makeDiagnostic(file, lines, { code: "PC5009", message: "variables.json: must be a JSON object", start: 0, end: 0 })] };
    return { variables: v, diagnostics: [] };
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const pos = m ? Number(m[1]) : 0;
    const problem = String((e as Error).message).replace(/ in JSON at position \d+.*$/, "");
    return { variables: Object.create(null), diagnostics: [makeDiagnostic(file, lines, { code: "PC5009", message: `variables.json: ${problem}`, start: pos, end: pos + 1 })] };
  }
}

function isObj(v: unknown): v is Record<string, any> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
