// Name resolution for one template in one context (SPEC §3.6): loop variables → locals → built-ins → unknown.
// Reports PC2001 (setVariable key read without `var.`), PC2002 (`var.k` never set), PC2003 (unknown name) and
// PC2011 (platform variables pagec does not provide).
import { visitIdentifiers } from "../../expr/index.js";
import { closest } from "../../diagnostics/closest.js";
import { makeDiagnostic, type Diagnostic, type DiagnosticInit } from "../../diagnostics/diagnostic.js";
import { BUILTIN_NAMES, FORBIDDEN_PROPERTIES, PLATFORM_VARIABLES } from "../../prelude/template-lib/manifest.js";
import type { ParsedTemplate } from "../template-graph.js";
import type { VariableKeys } from "../script/index.js";
import { walkTemplate, type ExpressionCache } from "./template-walk.js";

export interface NameContext {
  /** Locals of the shared scope: `@set` names and component argument keys. */
  locals: ReadonlySet<string>;
  /** A component some call site passes a non-literal argument to: its unknown names may be arguments. */
  unknownArgs: boolean;
  vars: VariableKeys;
  brandVariables: ReadonlySet<string>;
}

const BUILTINS: ReadonlySet<string> = new Set(BUILTIN_NAMES);
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const varPath = (key: string) => (IDENT.test(key) ? `var.${key}` : `var[${JSON.stringify(key)}]`);

export function checkNames(t: ParsedTemplate, ctx: NameContext, cache: ExpressionCache): Diagnostic[] {
  const found: DiagnosticInit[] = [];
  // Closest-key lookups repeat for every use of the same unknown key: compute each once.
  const varCandidates = [...ctx.brandVariables, ...ctx.vars.keys.keys()];
  const nearKeys = new Map<string, string | undefined>();
  const nearKey = (key: string) => {
    if (!nearKeys.has(key)) nearKeys.set(key, closest(key, varCandidates));
    return nearKeys.get(key);
  };
  walkTemplate(t, cache, {
    expression({ expr, loops }) {
      visitIdentifiers(expr, (id, path) => {
        const name = id.name;
        if (loops.lookup(name) || ctx.locals.has(name)) return;
        if (BUILTINS.has(name)) {
          const next = path[1];
          if (!next) return;
          if (name === "request" && next.name === "merchant_code") {
            found.push({ code: "PC2011", message: "platform variable `request.merchant_code` is not provided by pagec", start: id.start, end: next.end });
          } else if (name === "var" && !ctx.vars.dynamic && !ctx.brandVariables.has(next.name) && !ctx.vars.keys.has(next.name) && !FORBIDDEN_PROPERTIES.includes(next.name)) {
            const key = next.name;
            const near = nearKey(key);
            const end = next.node.end;
            found.push({
              code: "PC2002", message: `\`var.${key}\` is never set: no \`setVariable('${key}', …)\` in this page's scripts and no \`${key}\` in variables.json`, start: id.start, end,
              suggestions: near === undefined ? [] : [{ title: `replace with \`${varPath(near)}\``, edits: [{ start: id.start, end, newText: varPath(near) }] }],
            });
          }
          return;
        }
        if (PLATFORM_VARIABLES.includes(name)) {
          found.push({ code: "PC2011", message: `platform variable \`${name}\` is not provided by pagec`, start: id.start, end: id.end });
          return;
        }
        if (ctx.unknownArgs) return;
        if (ctx.vars.keys.has(name)) {
          found.push({
            code: "PC2001", message: `\`${name}\` is not defined in templates; values from \`setVariable('${name}', …)\` are read as \`var.${name}\``, start: id.start, end: id.end,
            suggestions: [{ title: `replace with \`var.${name}\``, edits: [{ start: id.start, end: id.end, newText: `var.${name}` }] }],
          });
          return;
        }
        const near = closest(name, [...loops.names(), ...ctx.locals, ...BUILTINS]);
        found.push({
          code: "PC2003", message: `\`${name}\` is not defined and renders as an empty string`, start: id.start, end: id.end,
          suggestions: near === undefined ? [] : [{ title: `replace with \`${near}\``, edits: [{ start: id.start, end: id.end, newText: near }] }],
        });
      });
    },
  });
  return found.map((d) => makeDiagnostic(t.file, t.lines, d));
}
