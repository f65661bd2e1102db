// Template scope and name checks (SPEC §3.6, §3.9, §7.1): every page is analysed with its layout chain and its
// components; components no page uses are analysed once on their own. Per-file checks (PC2009, PC2010, PC1062,
// template CRM calls) share one walk per file; name resolution runs per distinct context, and identical
// findings collapse in the pipeline.
import { makeDiagnostic, type Diagnostic, type DiagnosticInit } from "../../diagnostics/diagnostic.js";
import type { SiteCheckInput, SiteCheckShared } from "../site-checks.js";
import type { ParsedTemplate } from "../template-graph.js";
import { guarded, type VariableKeys } from "../script/index.js";
import { combineVisitors, ExpressionCache, setNamesVisitor, walkTemplate } from "./template-walk.js";
import { checkNames, type NameContext } from "./names.js";
import { assignmentsVisitor, componentArgsVisitor, type ComponentArgs } from "./assignments.js";
import { crmCallsVisitor, outputContextVisitor } from "./expression-checks.js";
import { checkLayoutBlocks } from "./layout-blocks.js";

const NO_VARIABLES: VariableKeys = { keys: new Map(), dynamic: false };

export function checkTemplateScopes(input: SiteCheckInput, shared: SiteCheckShared): Diagnostic[] {
  const { site, templates, pages } = input;
  const cache = new ExpressionCache();
  const out: Diagnostic[] = [];
  const brandVariables = new Set(Object.keys(site.variables));
  const sets = new Map<string, Map<string, number>>();
  const args = new Map<string, ComponentArgs>();

  // One walk per file: @set names (first, so PC2010 sees the earlier ones), call-site arguments, PC2009/PC2010,
  // PC1062 and the CRM checks on GetCrm* calls.
  for (const t of templates.values()) {
    const found: DiagnosticInit[] = [];
    const names = new Map<string, number>();
    sets.set(t.file, names);
    const visitor = combineVisitors([
      setNamesVisitor(names),
      componentArgsVisitor(t, cache, args),
      assignmentsVisitor(t, names, found),
      outputContextVisitor(found),
      crmCallsVisitor(t, site.config.crm.entities, found),
    ]);
    const ok = guarded(() => { walkTemplate(t, cache, visitor); return true; }, false);
    if (ok) for (const d of found) out.push(makeDiagnostic(t.file, t.lines, d));
  }
  const setsOf = (t: ParsedTemplate) => sets.get(t.file) ?? new Map<string, number>();

  const fileToCode = new Map([...site.components].map(([code, file]) => [file, code]));
  // One run per distinct context of a file: contexts with the same facts give the same findings.
  const done = new Set<string>();
  const signatures = new WeakMap<object, string>();
  const signature = (o: object, make: () => string) => {
    let sig = signatures.get(o);
    if (sig === undefined) signatures.set(o, (sig = make()));
    return sig;
  };
  const names = (t: ParsedTemplate, ctx: NameContext) => {
    const locals = signature(ctx.locals, () => [...ctx.locals].sort().join(","));
    const vars = signature(ctx.vars, () => `${ctx.vars.dynamic}:${[...ctx.vars.keys.keys()].sort().join(",")}`);
    const key = [t.file, ctx.unknownArgs, locals, vars].join("\0");
    if (done.has(key)) return;
    done.add(key);
    out.push(...guarded(() => checkNames(t, ctx, cache), []));
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
    out.push(...guarded(() => checkLayoutBlocks(chain), []));
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
