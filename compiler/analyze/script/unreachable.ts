// PC3027 (SPEC §4.1): a statement that follows a terminal call — redirect(), response.json(), response.send() —
// in the same statement list never runs. Function declarations are hoisted, so they are not "code after".
import type * as acorn from "acorn";
import type { ParsedUnit } from "../../bundle/index.js";
import type { DiagnosticInit } from "../../diagnostics/diagnostic.js";
import { fileRange, forEachChild, type AnyNode } from "./ast-util.js";

/** The terminal call an expression statement makes, as shown in the message (`redirect()`), or null. */
function terminal(s: AnyNode, free: Set<acorn.Identifier>): string | null {
  if (s.type !== "ExpressionStatement") return null;
  let e = s.expression;
  if (e.type === "AwaitExpression") e = e.argument;
  if (e.type !== "CallExpression") return null;
  const c = e.callee;
  if (c.type === "Identifier") return c.name === "redirect" && free.has(c) ? "redirect()" : null;
  if (c.type !== "MemberExpression" || c.computed || c.property.type !== "Identifier") return null;
  const method = c.property.name;
  if (method !== "json" && method !== "send") return null;
  // response.json(…) or a chain that starts at response: response.status(400).json(…)
  let obj: AnyNode = c.object;
  while (obj.type === "CallExpression" && obj.callee.type === "MemberExpression") obj = obj.callee.object;
  return obj.type === "Identifier" && obj.name === "response" && free.has(obj) ? `response.${method}()` : null;
}

function statementList(list: AnyNode[], u: ParsedUnit, free: Set<acorn.Identifier>, out: DiagnosticInit[]): void {
  for (let i = 0; i < list.length - 1; i++) {
    const call = terminal(list[i], free);
    if (!call) continue;
    const next = list.slice(i + 1).find((s) => s.type !== "FunctionDeclaration" && s.type !== "EmptyStatement");
    if (!next) return;
    const line = u.lines.position(fileRange(u, list[i]).start).line + 1;
    out.push({ code: "PC3027", message: `this code never runs: \`${call}\` on line ${line} ends the script`, ...fileRange(u, next) });
    return;
  }
}

export function checkUnreachable(u: ParsedUnit, free: Set<acorn.Identifier>, out: DiagnosticInit[]): void {
  const visit = (n: AnyNode): void => {
    if (n.type === "Program" || n.type === "BlockStatement" || n.type === "StaticBlock") statementList(n.body as AnyNode[], u, free, out);
    else if (n.type === "SwitchCase") statementList(n.consequent, u, free, out);
    forEachChild(n, visit);
  };
  visit(u.program);
}
