// Literal-argument checks on calls of the sandbox API in one unit or module (SPEC §4.4, §4.5.3, §7.3.3):
// CRM calls, redirect, setHeader, response.status, cookie names, session keys, missing `await`, setVariable keys,
// and template tags in strings (PC1054). Also collects the literal setVariable keys the templates need.
import type * as acorn from "acorn";
import type { ParsedUnit } from "../../bundle/index.js";
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import type { CrmEntity } from "../../site/site-config.js";
import { calleeName, fileRange, forEachChild, memberCall, staticNumber, staticString, type AnyNode } from "./ast-util.js";
import { checkCrmCall, CRM_REQUIRED, litValue } from "./crm-rules.js";

// The literal rules of the sandbox API come from the one policy module the prelude and the runtime share.
import { TOKEN, isBlockedHeader, isReservedCookie, isReservedSessionKey, REDIRECT_STATUSES } from "../../prelude/api/policy.js";
export { TOKEN, isBlockedHeader, isReservedCookie, isReservedSessionKey };

// The same redirect check the sandbox applies at run time, so PC3020 fires exactly for the literals it refuses.
import { isAllowedRedirectUrl } from "../../prelude/api/redirect-url.js";

export interface ApiContext { entities: CrmEntity[]; sessionCookieName: string }
/** Literal setVariable keys of one file, and whether it also sets a key that is not a literal. */
export interface VariableKeys { keys: Map<string, number[]>; dynamic: boolean }

const COOKIE_HEADERS = ["set-cookie", "set-cookie2", "cookie"];
const TEMPLATE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];

export function checkApiCalls(u: ParsedUnit, free: Set<acorn.Identifier>, ctx: ApiContext, out: DiagnosticInit[]): VariableKeys {
  const vars: VariableKeys = { keys: new Map(), dynamic: false };
  const at = (n: { start: number; end: number }) => fileRange(u, n);
  const isGlobal = (id: acorn.Identifier | null | undefined, name: string) => !!id && id.name === name && free.has(id);
  const raw = (n: AnyNode) => u.code.slice(n.start, n.end);
  const directCallees = new Set<acorn.Identifier>();

  const call = (c: acorn.CallExpression, parent: AnyNode | null, awaitOk: boolean) => {
    const id = calleeName(c);
    if (id && free.has(id)) {
      directCallees.add(id);
      if (Object.hasOwn(CRM_REQUIRED, id.name)) {
        checkCrmCall({ written: id.name, fn: id.name, ...at(c), args: c.arguments.map((a) => litValue(u, a, free)) }, ctx.entities, out);
      } else if (id.name === "redirect") redirect(c);
      else if (id.name === "setHeader") setHeader(c.arguments[0]);
      else if (id.name === "setVariable") setVariable(c.arguments[0]);
      return;
    }
    const m = memberCall(c);
    if (!m || !free.has(m.object)) return;
    const first = c.arguments[0];
    if (m.object.name === "response" && m.method === "status" && first) {
      const n = staticNumber(first);
      const s = staticString(first);
      if ((n !== null && !(Number.isInteger(n) && n >= 100 && n <= 599)) || s !== null) {
        out.push({ code: "PC3024", message: `\`response.status(${raw(first)})\`: the status must be an integer from 100 to 599`, ...at(first) });
      }
    } else if (m.object.name === "cookie" && (m.method === "set" || m.method === "delete")) {
      const name = staticString(first);
      if (name === null) return;
      if (!TOKEN.test(name)) out.push({ code: "PC3025", message: `\`${name}\` is not a valid cookie name`, ...at(first) });
      else if (isReservedCookie(name, ctx.sessionCookieName)) {
        out.push({ code: "PC3025", message: `cookie name \`${name}\` is reserved by the runtime`, ...at(first) });
      }
    } else if (m.object.name === "session" && (m.method === "get" || m.method === "set")) {
      const key = staticString(first);
      if (key !== null && isReservedSessionKey(key)) out.push({ code: "PC3026", message: `session key \`${key}\` is reserved by the runtime`, ...at(first) });
    } else if (m.object.name === "session" && (m.method === "getToken" || m.method === "setFromToken")) {
      if (awaited(parent, c)) return;
      const r = at(c);
      out.push({
        code: "PC3028", message: `\`session.${m.method}()\` returns a Promise; write \`await session.${m.method}(…)\``, ...r,
        suggestions: awaitOk ? [{ title: "insert `await `", edits: [{ start: r.start, end: r.start, newText: "await " }] }] : [],
      });
    }
  };

  const redirect = (c: acorn.CallExpression) => {
    const [url, status] = c.arguments;
    const target = staticString(url);
    if (target !== null && !isAllowedRedirectUrl(target)) {
      out.push({ code: "PC3020", message: `redirect target \`${target}\` is not allowed: use a path starting with \`/\` or an \`http://\` or \`https://\` URL`, ...at(url) });
    }
    if (!status) return;
    const n = staticNumber(status);
    const s = staticString(status);
    if ((n !== null && !REDIRECT_STATUSES.includes(n)) || s !== null) {
      out.push({ code: "PC3021", message: `redirect status ${raw(status)} is not allowed; use 301, 302, 303, 307 or 308`, ...at(status) });
    }
  };

  const setHeader = (nameNode: AnyNode | undefined) => {
    const name = staticString(nameNode);
    if (name === null || !nameNode) return;
    if (!TOKEN.test(name)) { out.push({ code: "PC3023", message: `\`${name}\` is not a valid header name`, ...at(nameNode) }); return; }
    if (!isBlockedHeader(name)) return;
    const lower = name.toLowerCase();
    const hint = COOKIE_HEADERS.includes(lower) ? "; use cookie.set()" : lower === "location" ? "; use redirect()" : "";
    out.push({ code: "PC3022", message: `header \`${name}\` cannot be set from a backend script${hint}`, ...at(nameNode) });
  };

  const setVariable = (keyNode: AnyNode | undefined) => {
    if (!keyNode || keyNode.type === "SpreadElement") { vars.dynamic = true; return; }
    const key = staticString(keyNode);
    if (key === null) {
      if (keyNode.type === "Literal") out.push({ code: "PC3030", message: "a variable key must be a string of 1 to 200 characters and not `__proto__`, `constructor` or `prototype`", ...at(keyNode) });
      else vars.dynamic = true;
      return;
    }
    if (key.length < 1 || key.length > 200 || FORBIDDEN_KEYS.includes(key)) {
      out.push({ code: "PC3030", message: "a variable key must be a string of 1 to 200 characters and not `__proto__`, `constructor` or `prototype`", ...at(keyNode) });
      return;
    }
    if (!TEMPLATE_KEY.test(key)) out.push({ code: "PC3029", message: `\`${key}\` cannot be written after \`var.\`; templates must read it as \`var['${key}']\``, ...at(keyNode) });
    const list = vars.keys.get(key) ?? [];
    list.push(at(keyNode).start);
    vars.keys.set(key, list);
  };

  const visit = (n: AnyNode, parent: AnyNode | null, awaitOk: boolean): void => {
    if (n.type === "CallExpression") call(n, parent, awaitOk);
    else if (n.type === "Literal" && typeof n.value === "string" && n.value.includes("{{")) templateTags(n);
    else if (n.type === "TemplateLiteral" && n.quasis.some((q) => (q.value.cooked ?? q.value.raw).includes("{{"))) templateTags(n);
    const inner = n.type === "FunctionDeclaration" || n.type === "FunctionExpression" || n.type === "ArrowFunctionExpression" ? n.async : awaitOk;
    forEachChild(n, (c) => visit(c, n, inner));
  };
  const templateTags = (n: AnyNode) =>
    out.push({ code: "PC1054", message: "template tags inside a backend-script string are not evaluated; pass data with `setVariable()`", ...at(n) });

  visit(u.program, null, true);
  // A setVariable that escapes as a value (`const sv = setVariable`) may set any key.
  return { ...vars, dynamic: vars.dynamic || hasIndirectUse(free, directCallees) };
}

/** The call's value is awaited or deliberately used as a promise (`.then`, returned, collected in an array). */
function awaited(parent: AnyNode | null, c: acorn.CallExpression): boolean {
  if (!parent) return false;
  switch (parent.type) {
    case "AwaitExpression": case "ReturnStatement": case "ArrayExpression": case "YieldExpression": return true;
    case "MemberExpression": return parent.object === c;
    case "ArrowFunctionExpression": return parent.body === c;
    default: return false;
  }
}

function hasIndirectUse(free: Set<acorn.Identifier>, direct: Set<acorn.Identifier>): boolean {
  for (const id of free) if (id.name === "setVariable" && !direct.has(id)) return true;
  return false;
}
