// Backend-script checks (SPEC §4, §7.3.3) over every page unit and every module, each file once: missing
// sandbox globals (PC3007), API literal checks (api-calls.ts), unreachable code (PC3027). Also returns the
// per-page setVariable facts the template scope checks need (SPEC §3.6, §7.1).
import type { ParsedUnit } from "../../bundle/index.js";
import { makeDiagnostic, type Diagnostic, type DiagnosticInit } from "../../diagnostics/diagnostic.js";
import type { SiteCheckInput } from "../site-checks.js";
import type { ParsedTemplate } from "../template-graph.js";
import { freeNames } from "./free-names.js";
import { KNOWN_GLOBALS, missingGlobalHint } from "./globals.js";
import { checkApiCalls, type VariableKeys } from "./api-calls.js";
import { checkUnreachable } from "./unreachable.js";
import { parsedFiles } from "./parsed-files.js";

export type { VariableKeys } from "./api-calls.js";
export { checkCrmCall, CRM_REQUIRED, type LitValue, type CrmCall } from "./crm-rules.js";

export interface ScriptFacts {
  diagnostics: Diagnostic[];
  /** The setVariable facts of everything that runs for a page whose layout chain is `chain` (child first). */
  variablesFor(chain: ParsedTemplate[]): VariableKeys;
}

function checkFile(u: ParsedUnit, input: SiteCheckInput, out: Diagnostic[]): VariableKeys {
  const found: DiagnosticInit[] = [];
  const { references, free } = freeNames(u.program);
  const reported = new Set<string>();
  for (const r of references) {
    const name = r.id.name;
    if (r.typeofOperand || KNOWN_GLOBALS.has(name) || reported.has(name)) continue;
    reported.add(name);
    const { hint, replacement } = missingGlobalHint(name);
    const start = u.toFileOffset(r.id.start), end = u.toFileOffset(r.id.end);
    found.push({
      code: "PC3007", message: `\`${name}\` does not exist in the backend-script sandbox: ${hint}`, start, end,
      suggestions: replacement ? [{ title: `replace with \`${replacement}\``, edits: [{ start, end, newText: replacement }] }] : [],
    });
  }
  const config = input.site.config;
  const keys = checkApiCalls(u, free, { entities: config.crm.entities, sessionCookieName: config.session.cookieName }, found);
  checkUnreachable(u, free, found);
  for (const d of found) out.push(makeDiagnostic(u.file, u.lines, d));
  return keys;
}

/** When a file cannot be analysed, its keys are unknown (so PC2002 stays quiet for the pages it runs in). */
const UNKNOWN_KEYS: VariableKeys = { keys: new Map(), dynamic: true };

/** The analysis must never throw on user input (e.g. nesting deep enough to exhaust the stack): skip the file. */
export function guarded<T>(run: () => T, fallback: T): T {
  try { return run(); } catch { return fallback; }
}

export function analyzeScripts(input: SiteCheckInput): ScriptFacts {
  const files = parsedFiles(input.site);
  const diagnostics: Diagnostic[] = [];
  const facts = new Map<ParsedUnit, VariableKeys>();
  const factsOf = (u: ParsedUnit): VariableKeys => {
    let f = facts.get(u);
    if (!f) { f = guarded(() => checkFile(u, input, diagnostics), UNKNOWN_KEYS); facts.set(u, f); }
    return f;
  };
  // Every page is its own artifact in a full run, so the chains cover every page file; unimported modules are
  // analysed on their own only then (a one-page compile reports on what that page uses).
  const full = input.pages.length === input.site.pages.length;
  const units = input.pages.flatMap((p) => [p.template, ...p.layouts]).map((t) => files.unit(t)).filter((u): u is ParsedUnit => u !== null);
  for (const u of [...units, ...files.reachable(units)]) factsOf(u);
  if (full) for (const code of input.site.modules.keys()) { const m = files.module(code); if (m) factsOf(m); }
  return {
    diagnostics,
    variablesFor(chain) {
      const units = chain.map((t) => files.unit(t)).filter((u): u is ParsedUnit => u !== null);
      const merged: VariableKeys = { keys: new Map(), dynamic: false };
      for (const u of [...units, ...files.reachable(units)]) {
        const f = factsOf(u);
        merged.dynamic ||= f.dynamic;
        for (const [k, at] of f.keys) {
          let list = merged.keys.get(k);
          if (!list) merged.keys.set(k, (list = []));
          for (const x of at) list.push(x);
        }
      }
      return merged;
    },
  };
}
