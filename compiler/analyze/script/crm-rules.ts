// The static CRM call checks of SPEC §4.5.3 (PC3010–PC3019), written once over a small literal description of
// the arguments so that backend-script calls (acorn, litValue below) and template calls of GetCrm* share them.
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import { closest } from "../../diagnostics/closest.js";
import type { CrmEntity } from "../../site/site-config.js";
import type * as acorn from "acorn";
import type { ParsedUnit } from "../../bundle/index.js";
import { fileRange, fileText, staticString, type AnyNode } from "./ast-util.js";

/** An argument as far as the checks care; offsets are file offsets. */
export interface LitValue {
  start: number;
  end: number;
  kind: "string" | "number" | "boolean" | "null" | "undefined" | "array" | "object" | "template" | "regexp" | "spread" | "other";
  /** string value, or number value (NaN and ±Infinity included). */
  value?: string | number;
  /** The quote the string literal was written with. */
  quote?: string;
  elements?: LitValue[];
  props?: { key: string; value: LitValue }[];
  /** Object literal without spread elements or computed keys. */
  complete?: boolean;
  /** Source text as written (for the positional-call fix); null when not available. */
  text: string | null;
}

export const CRM_REQUIRED: Readonly<Record<string, string[]>> = {
  getCrmEntries: ["slug"],
  getCrmField: ["slug", "fieldKey"],
  getCrmFields: ["slug", "fieldKeys"],
  getCrmFieldValues: ["slug", "fieldKey"],
  setCrmField: ["slug", "fieldKey", "value"],
  setCrmFields: ["slug", "fields"],
  addCrmFieldValue: ["slug", "fieldKey", "value"],
  clearCrmEntries: ["slug"],
};
const ALIASES: Readonly<Record<string, string[]>> = {
  slug: ["slug", "crmEntitySlug", "crm_entity_slug"],
  fieldKey: ["fieldKey", "field_key"],
  fieldKeys: ["fieldKeys"],
  fields: ["fields"],
  value: ["value"],
  referenceType: ["referenceType", "reference_type"],
  referenceId: ["referenceId", "reference_id"],
};
const FIELD_KEY = /^[a-zA-Z0-9_.-]+$/;
const REFERENCE_TYPE = /^[a-zA-Z0-9_-]+$/;
const LITERAL_KINDS = new Set(["string", "number", "boolean", "null", "array", "template", "regexp"]);

export interface CrmCall {
  /** The name as written (`GetCrmField` in templates) and the script function it stands for. */
  written: string;
  fn: string;
  start: number;
  end: number;
  args: LitValue[];
}

const get = (o: LitValue, key: string) => o.props?.filter((p) => ALIASES[key].includes(p.key)).map((p) => p.value) ?? [];
const sanitize = (s: string, re: RegExp) => [...s].map((c) => (re.test(c) ? c : "_")).join("");
const quoted = (v: LitValue, s: string) => `${v.quote ?? "'"}${s}${v.quote ?? "'"}`;

export function checkCrmCall(call: CrmCall, entities: CrmEntity[], out: DiagnosticInit[]): void {
  const required = CRM_REQUIRED[call.fn];
  if (!required) return;
  const { args } = call;
  if (args.length !== 1 || LITERAL_KINDS.has(args[0].kind)) {
    const message = `\`${call.written}\` takes a single options object: \`${call.written}({ ${required.join(", ")} })\``;
    let suggestions: DiagnosticInit["suggestions"] = [];
    if (args.length === required.length && args.every((a) => a.text !== null && a.kind !== "spread")) {
      const text = `${call.written}({ ${required.map((k, i) => `${k}: ${args[i].text}`).join(", ")} })`;
      suggestions = [{ title: `rewrite as \`${text}\``, edits: [{ start: call.start, end: call.end, newText: text }] }];
    }
    out.push({ code: "PC3010", message, start: call.start, end: call.end, suggestions });
    return;
  }
  const o = args[0];
  if (o.kind !== "object") return;
  if (o.complete) {
    if (!get(o, "slug").length) out.push({ code: "PC3011", message: `\`${call.written}\` needs \`slug\`, the CRM entity slug`, start: o.start, end: o.end });
    for (const k of required.slice(1)) {
      if (get(o, k).length) continue;
      if (k === "value") out.push({ code: "PC3013", message: `\`${call.written}\` needs \`value\` (\`0\`, \`false\` and \`''\` are valid values)`, start: o.start, end: o.end });
      else out.push({ code: "PC3012", message: `\`${call.written}\` needs \`${k}\``, start: o.start, end: o.end });
    }
  }
  let entity: CrmEntity | null = null;
  for (const s of get(o, "slug")) {
    if (s.kind !== "string") continue;
    const slug = String(s.value);
    entity = entities.find((e) => e.slug === slug) ?? null;
    if (entity) continue;
    const declared = entities.length ? entities.map((e) => `\`${e.slug}\``).join(", ") : "none";
    const near = closest(slug, entities.map((e) => e.slug));
    out.push({
      code: "PC3017", message: `CRM entity \`${slug}\` is not declared in site.json (declared: ${declared})`, start: s.start, end: s.end,
      suggestions: near ? [{ title: `replace with \`${quoted(s, near)}\``, edits: [{ start: s.start, end: s.end, newText: quoted(s, near) }] }] : [],
    });
  }
  const keys: LitValue[] = [...get(o, "fieldKey"), ...get(o, "fieldKeys").flatMap((a) => a.elements ?? [])];
  for (const f of get(o, "fields")) for (const el of f.elements ?? []) if (el.kind === "object") keys.push(...get(el, "fieldKey"));
  for (const k of keys) checkFieldKey(k, entity, out);
  for (const t of get(o, "referenceType")) {
    if (t.kind !== "string" || REFERENCE_TYPE.test(String(t.value))) continue;
    const fixed = sanitize(String(t.value), /[a-zA-Z0-9_-]/);
    out.push({
      code: "PC3015", message: `reference type \`${t.value}\` is invalid: only letters, digits, \`_\` and \`-\` are allowed`, start: t.start, end: t.end,
      suggestions: fixed ? [{ title: `replace with \`${quoted(t, fixed)}\``, edits: [{ start: t.start, end: t.end, newText: quoted(t, fixed) }] }] : [],
    });
  }
  for (const r of get(o, "referenceId")) {
    if (r.kind !== "string" && r.kind !== "number") continue;
    const id = String(r.value);
    const bad = [...id].find((c) => "{}[]\"\\".includes(c));
    const reason = id.length > 512 ? "it is longer than 512 characters" : bad ? `it contains "${bad}"` : null;
    if (reason) out.push({ code: "PC3016", message: `reference id is invalid: ${reason}`, start: r.start, end: r.end });
  }
  const values = [...get(o, "value")];
  if (call.fn === "setCrmFields") for (const f of get(o, "fields")) for (const el of f.elements ?? []) if (el.kind === "object") values.push(...get(el, "value"));
  for (const v of values) {
    const reason = unstorable(v);
    if (reason) out.push({ code: "PC3019", message: `\`value\` can never be stored: ${reason}`, start: v.start, end: v.end });
  }
}

function checkFieldKey(k: LitValue, entity: CrmEntity | null, out: DiagnosticInit[]): void {
  if (k.kind !== "string") return;
  const key = String(k.value);
  if (!FIELD_KEY.test(key)) {
    const fixed = sanitize(key, /[a-zA-Z0-9_.-]/);
    out.push({
      code: "PC3014", message: `field key \`${key}\` is invalid: only letters, digits, \`_\`, \`.\` and \`-\` are allowed`, start: k.start, end: k.end,
      suggestions: fixed ? [{ title: `replace with \`${quoted(k, fixed)}\``, edits: [{ start: k.start, end: k.end, newText: quoted(k, fixed) }] }] : [],
    });
    return;
  }
  if (!entity || !entity.declaresFields || entity.fields.some((f) => f.key === key)) return;
  const near = closest(key, entity.fields.map((f) => f.key));
  out.push({
    code: "PC3018", message: `field \`${key}\` is not declared for CRM entity \`${entity.slug}\` in site.json`, start: k.start, end: k.end,
    suggestions: near ? [{ title: `replace with \`${quoted(k, near)}\``, edits: [{ start: k.start, end: k.end, newText: quoted(k, near) }] }] : [],
  });
}

function unstorable(v: LitValue): string | null {
  if (v.kind === "null") return "`null` is not a storable value";
  if (v.kind === "undefined") return "`undefined` is not a storable value";
  if (v.kind === "number" && !Number.isFinite(v.value)) return `\`${v.text ?? String(v.value)}\` is not a finite number`;
  if (v.kind === "string" && String(v.value).length > 10000) return "the string is longer than 10,000 characters";
  return null;
}

/** An acorn argument node as a literal description; `free` tells whether an identifier is the global (`undefined`, `NaN`, `Infinity`). */
export function litValue(u: ParsedUnit, n: AnyNode, free: Set<acorn.Identifier>): LitValue {
  const base = { ...fileRange(u, n), text: fileText(u, n) };
  switch (n.type) {
    case "SpreadElement": return { ...base, kind: "spread" };
    case "Literal":
      if (typeof n.value === "string") return { ...base, kind: "string", value: n.value, quote: u.code[n.start] };
      if (typeof n.value === "number") return { ...base, kind: "number", value: n.value };
      if (typeof n.value === "boolean") return { ...base, kind: "boolean" };
      if (n.value === null && !("regex" in n && n.regex)) return { ...base, kind: "null" };
      return { ...base, kind: "regexp" };
    case "TemplateLiteral": {
      const s = staticString(n);
      return s === null ? { ...base, kind: "template" } : { ...base, kind: "string", value: s, quote: "`" };
    }
    case "Identifier":
      if (free.has(n) && n.name === "undefined") return { ...base, kind: "undefined" };
      if (free.has(n) && (n.name === "NaN" || n.name === "Infinity")) return { ...base, kind: "number", value: n.name === "NaN" ? NaN : Infinity };
      return { ...base, kind: "other" };
    case "UnaryExpression":
      if (n.operator === "-" && n.argument.type === "Literal" && typeof n.argument.value === "number") return { ...base, kind: "number", value: -n.argument.value };
      if (n.operator === "-" && n.argument.type === "Identifier" && free.has(n.argument) && n.argument.name === "Infinity") return { ...base, kind: "number", value: -Infinity };
      return { ...base, kind: "other" };
    case "ArrayExpression":
      return { ...base, kind: "array", elements: n.elements.filter((e): e is NonNullable<typeof e> => e !== null).map((e) => litValue(u, e, free)) };
    case "ObjectExpression": {
      let complete = true;
      const props: { key: string; value: LitValue }[] = [];
      for (const p of n.properties) {
        if (p.type === "SpreadElement" || p.computed) { complete = false; continue; }
        const key = p.key.type === "Identifier" ? p.key.name : p.key.type === "Literal" ? String(p.key.value) : null;
        if (key === null) { complete = false; continue; }
        props.push({ key, value: litValue(u, p.value, free) });
      }
      return { ...base, kind: "object", props, complete };
    }
    default: return { ...base, kind: "other" };
  }
}
