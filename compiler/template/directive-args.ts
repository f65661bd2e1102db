// Splits directive arguments per the grammar of SPEC §3.2.2 without parsing expressions: expressions are kept
// as ExprSource {text, start}; string literals (component codes, slugs, block names) are decoded here.
import type { ExprSource, Span } from "./ast.js";
import { splitTopLevel, trimSource } from "./text-utils.js";

export type ArgResult<T> = { ok: true; value: T } | { ok: false; detail: string };

const IDENT = "[A-Za-z_$][A-Za-z0-9_$]*";
const FOREACH_SIMPLE = new RegExp(`^(${IDENT})\\s+in(?![A-Za-z0-9_$])`);
const FOREACH_PAIR = new RegExp(`^\\(\\s*(${IDENT})\\s*,\\s*(${IDENT})\\s*\\)\\s*in(?![A-Za-z0-9_$])`);
const SET_RE = new RegExp(`^(${IDENT})\\s*=(?!=)`);
const BLOCK_NAME = /^[A-Za-z0-9_.-]+$/;
const RESERVED = new Set(["and", "or", "not", "eq", "neq", "lt", "lte", "gt", "gte", "in", "true", "false", "null"]);

const fail = <T>(detail: string): ArgResult<T> => ({ ok: false, detail });
const EXPECTED_LOOP = "expected \"item in expression\"";

export function expressionArg(args: ExprSource): ArgResult<ExprSource> {
  const e = trimSource(args);
  return e.text === "" ? fail("expected an expression") : { ok: true, value: e };
}

export interface LoopHead { item: { name: string; span: Span }; key: { name: string; span: Span } | null; iterable: ExprSource }

export function foreachArgs(args: ExprSource): ArgResult<LoopHead> {
  const a = trimSource(args);
  const pair = FOREACH_PAIR.exec(a.text);
  const simple = pair ? null : FOREACH_SIMPLE.exec(a.text);
  const m = pair ?? simple;
  if (!m) return fail(EXPECTED_LOOP);
  const iterable = trimSource({ text: a.text.slice(m[0].length), start: a.start + m[0].length });
  if (iterable.text === "") return fail(EXPECTED_LOOP);
  const at = (name: string, from: number) => { const i = a.text.indexOf(name, from); return { name, span: { start: a.start + i, end: a.start + i + name.length } }; };
  const item = at(m[1], 0);
  const key = pair ? at(pair[2], item.span.end - a.start) : null;
  if (RESERVED.has(item.name) || (key && RESERVED.has(key.name))) return fail(EXPECTED_LOOP);
  return { ok: true, value: { item, key, iterable } };
}

export function setArgs(args: ExprSource): ArgResult<{ name: string; nameSpan: Span; value: ExprSource }> {
  const a = trimSource(args);
  const m = SET_RE.exec(a.text);
  if (!m || RESERVED.has(m[1])) return fail("expected \"name = expression\"");
  const value = trimSource({ text: a.text.slice(m[0].length), start: a.start + m[0].length });
  if (value.text === "") return fail("expected \"name = expression\"");
  return { ok: true, value: { name: m[1], nameSpan: { start: a.start, end: a.start + m[1].length }, value } };
}

/** A whole-argument string literal ('…' or "…", with the expression-language escapes), or null. */
export function stringLiteral(src: ExprSource): { value: string; span: Span } | null {
  const s = trimSource(src);
  const q = s.text[0];
  if ((q !== "\"" && q !== "'") || s.text.length < 2 || s.text[s.text.length - 1] !== q) return null;
  let out = "";
  for (let i = 1; i < s.text.length - 1; i++) {
    const c = s.text[i];
    if (c === q || c === "\n" || c === "\r") return null;
    if (c !== "\\") { out += c; continue; }
    const d = s.text[++i];
    if (i >= s.text.length - 1) return null;
    if (d === "n") out += "\n";
    else if (d === "r") out += "\r";
    else if (d === "t") out += "\t";
    else if (d === "u" && /^[0-9A-Fa-f]{4}$/.test(s.text.slice(i + 1, i + 5))) { out += String.fromCharCode(parseInt(s.text.slice(i + 1, i + 5), 16)); i += 4; }
    else out += d;
  }
  return { value: out, span: { start: s.start, end: s.start + s.text.length } };
}

const dropEf = (s: string) => (s.endsWith(".ef") ? s.slice(0, -3) : s);

export function componentArgs(args: ExprSource): ArgResult<{ code: string; codeSpan: Span; args: ExprSource | null }> {
  const parts = splitTopLevel(args);
  if (parts.length > 2) return fail("expected at most 2 arguments");
  const lit = stringLiteral(parts[0]);
  if (!lit) return fail("expected a string literal");
  let rest: ExprSource | null = null;
  if (parts.length === 2) {
    rest = trimSource(parts[1]);
    if (rest.text === "") return fail("expected an expression");
  }
  return { ok: true, value: { code: dropEf(lit.value), codeSpan: lit.span, args: rest } };
}

/** `@extends("slug")`: one string literal; a trailing `.ef` is ignored. */
export function slugArg(args: ExprSource): ArgResult<{ slug: string; slugSpan: Span }> {
  const parts = splitTopLevel(args);
  const lit = parts.length === 1 ? stringLiteral(parts[0]) : null;
  if (!lit) return fail("expected a string literal");
  return { ok: true, value: { slug: dropEf(lit.value), slugSpan: lit.span } };
}

/** `@block("name")` / `@yield("name")`. */
export function nameArg(args: ExprSource): ArgResult<{ name: string; nameSpan: Span }> {
  const parts = splitTopLevel(args);
  const lit = parts.length === 1 ? stringLiteral(parts[0]) : null;
  if (!lit) return fail("expected a string literal");
  if (!BLOCK_NAME.test(lit.value)) return fail("expected a name made of letters, digits, `_`, `.` and `-`");
  return { ok: true, value: { name: lit.value, nameSpan: lit.span } };
}

export function sessionArgs(args: ExprSource, op: "set" | "clear"): ArgResult<{ key: ExprSource; value: ExprSource | null }> {
  const parts = splitTopLevel(args).map(trimSource);
  const max = op === "set" ? 2 : 1;
  if (parts.length > max) return fail(op === "set" ? "expected at most 2 arguments" : "expected at most 1 argument");
  if (parts.some((p) => p.text === "")) return fail("expected an expression");
  return { ok: true, value: { key: parts[0], value: parts[1] ?? null } };
}
