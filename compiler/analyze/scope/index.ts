// Template scope and name checks (SPEC §3.6, §3.9, §7.1): every page is analysed with its layout chain and its
// components; components no page uses are analysed once on their own. Per-file checks (PC2009, PC2010, PC1062,
// template CRM calls) run once per file; name resolution runs per context, and identical findings collapse.
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SiteCheckInput, SiteCheckShared } from "../site-checks.js";
import type { ParsedTemplate } from "../template-graph.js";
import type { VariableKeys } from "../script/index.js";
import { ExpressionCache, setNames } from "./template-walk.js";
import { checkNames, type NameContext } from "./names.js";
import { checkAssignments } from "./assignments.js";
import { checkOutputContexts } from "./output-context.js";
import { checkTemplateCrmCalls } from "./crm-calls.js";
import { checkLayoutBlocks } from "./layout-blocks.js";
import { collectComponentArgs } from "./component-args.js";

const NO_VARIABLES: VariableKeys = { keys: new Map(), dynamic: false };

export function checkTemplateScopes(input: SiteCheckInput, shared: SiteCheckShared): Diagnostic[] {
  const { site, templates, pages } = input;
  const cache = new ExpressionCache();
  const out: Diagnostic[] = [];
  const brandVariables = new Set(Object.keys(site.variables));
  const sets = new Map<string, Map<string, number>>();
  const setsOf = (t: ParsedTemplate) => {
    let s = sets.get(t.file);
    if (!s) { s = setNames(t, cache); sets.set(t.file, s); }
    return s;
  };

  for (const t of templates.values()) {
    out.push(...checkAssignments(t, setsOf(t), cache), ...checkOutputContexts(t, cache), ...checkTemplateCrmCalls(t, site.config.crm.entities, cache));
  }

  const args = collectComponentArgs(templates.values(), cache);
  const fileToCode = new Map([...site.components].map(([code, file]) => [file, code]));
  // One run per distinct context of a file: contexts with the same facts give the same findings.
  const done = new Set<string>();
  const names = (t: ParsedTemplate, ctx: NameContext) => {
    const key = [t.file, ctx.unknownArgs, ctx.vars.dynamic, [...ctx.locals].sort().join(","), [...ctx.vars.keys.keys()].sort().join(",")].join("\0");
    if (done.has(key)) return;
    done.add(key);
    out.push(...checkNames(t, ctx, cache));
  };
  const componentContext = (c: ParsedTemplate, vars: VariableKeys): NameContext => {
    const a = args.get(fileToCode.get(c.file) ?? "") ?? { keys: new Set<string>(), unknown: false };
    return { locals: new Set([...setsOf(c).keys(), ...a.keys]), unknownArgs: a.unknown, vars, brandVariables };
  };

  const used = new Set<string>();
  for (const p of pages) {
    const chain = [p.template, ...p.layouts];
    const vars = shared.scripts.variablesFor(chain);
    const locals = new Set(chain.flatMap((t) => [...setsOf(t).keys()]));
    for (const t of chain) names(t, { locals, unknownArgs: false, vars, brandVariables });
    for (const c of p.components.values()) { used.add(c.file); names(c, componentContext(c, vars)); }
    out.push(...checkLayoutBlocks(chain));
  }
  // Unused components, on their own with an empty context (only when every page was analysed).
  if (pages.length === site.pages.length) {
    for (const file of site.components.values()) {
      const c = templates.get(file);
      if (c && !used.has(file)) names(c, componentContext(c, NO_VARIABLES));
    }
  }
  return preferMissingVarPrefix(out);
}

/** A name that is a setVariable key in one context and unknown in another is reported once, as PC2001. */
function preferMissingVarPrefix(list: Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic) => `${d.file}\0${d.range.start.line}:${d.range.start.character}`;
  const pc2001 = new Set(list.filter((d) => d.code === "PC2001").map(at));
  return list.filter((d) => d.code !== "PC2003" || !pc2001.has(at(d)));
}
