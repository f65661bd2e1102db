// The compile pipeline — the one place that knows the order: load the site, parse every template, resolve
// each page's layouts and components, analyse, bundle backend scripts, generate render modules.
import { loadSite, type Site } from "./site/load-site.js";
import type { Route } from "./site/routes.js";
import { parseTemplate } from "./template/index.js";
import { resolvePageGraph, type ParsedTemplate, type TemplateGraphHost } from "./analyze/template-graph.js";
import { checkTemplateExpressions } from "./analyze/template-exprs.js";
import { bundlePage, type BundleResult, type UnitSource } from "./bundle/index.js";
import { generateRender, type RenderModule } from "./codegen/render.js";
import { finalizeDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { LineIndex } from "./source/line-index.js";
import { runSiteChecks } from "./analyze/site-checks.js";
import { createTypeChecker, type TypeChecker } from "./analyze/typecheck/index.js";

export interface AnalyzeOptions {
  overlays?: Record<string, string>;
  precompileSchemas?: boolean;
  emit?: boolean;
  only?: string;
  /** A warm type checker kept across analyses (LSP, watch mode); a fresh one is made otherwise. */
  typeChecker?: TypeChecker;
}
export interface PageArtifact {
  route: Route;
  template: ParsedTemplate;
  layouts: ParsedTemplate[];
  components: Map<string, ParsedTemplate>;
  bundle: BundleResult | null;
  render: RenderModule | null;
  sources: string[];
}
export interface Analysis { site: Site; templates: Map<string, ParsedTemplate>; pages: PageArtifact[]; diagnostics: Diagnostic[] }

export function analyzeSite(siteDir: string, opts: AnalyzeOptions = {}): Analysis {
  const site = loadSite(siteDir, opts.overlays);
  const diagnostics: Diagnostic[] = [...site.diagnostics];
  const templates = new Map<string, ParsedTemplate>();
  const parse = (file: string, kind: "page" | "component"): ParsedTemplate | null => {
    const cached = templates.get(file);
    if (cached) return cached;
    const text = site.files.get(file);
    if (text === undefined) return null;
    const { ast, diagnostics: d } = parseTemplate(text, { file, kind });
    diagnostics.push(...d);
    const t: ParsedTemplate = { file, text, lines: new LineIndex(text), ast };
    templates.set(file, t);
    diagnostics.push(...checkTemplateExpressions(t));
    return t;
  };
  for (const f of site.pagesBySlug.values()) parse(f, "page");
  for (const f of site.components.values()) parse(f, "component");
  const host: TemplateGraphHost = {
    page: (slug) => { const f = site.pagesBySlug.get(slug); return f ? parse(f, "page") : null; },
    component: (code) => { const f = site.components.get(code); return f ? parse(f, "component") : null; },
    pageSlugs: [...site.pagesBySlug.keys()],
    componentCodes: [...site.components.keys()],
    isWildcard: (slug) => slug.includes("{"),
    maxComponentDepth: site.config.limits.maxComponentDepth,
  };
  const pages: PageArtifact[] = [];
  for (const route of site.pages) {
    if (opts.only && route.file !== opts.only) continue;
    const template = parse(route.file, "page");
    if (!template) continue;
    const graph = resolvePageGraph(template, host);
    diagnostics.push(...graph.diagnostics);
    const chain = [template, ...graph.layouts];
    const units: UnitSource[] = chain.slice().reverse().filter((t) => t.ast.scripts.length > 0).map((t) => ({ file: t.file, text: t.text, blocks: t.ast.scripts }));
    let bundle: BundleResult | null = null;
    if (units.length) {
      bundle = bundlePage({
        slug: route.slug,
        units,
        readModule: (code) => { const f = site.modules.get(code); const text = f ? site.files.get(f) : undefined; return f && text !== undefined ? { file: f, text } : null; },
        maxImports: site.config.limits.maxImports,
        maxModulesPerPage: site.config.limits.maxModulesPerPage,
        precompileSchemas: opts.precompileSchemas !== false,
        moduleCodes: [...site.modules.keys()],
        analyzeOnly: opts.emit === false,
      });
      diagnostics.push(...bundle.diagnostics);
    }
    const render = opts.emit === false ? null : generateRender({
      page: unit(template),
      layouts: graph.layouts.map(unit),
      component: (code) => { const c = graph.components.get(code.replace(/\.ef$/, "")); return c ? unit(c) : null; },
    });
    const sources = new Set<string>([...chain.map((t) => t.file), ...[...graph.components.values()].map((c) => c.file), ...(bundle?.sources ?? [])]);
    pages.push({ route, template, layouts: graph.layouts, components: graph.components, bundle, render, sources: [...sources].sort() });
  }
  diagnostics.push(...runSiteChecks({ site, templates, pages }));
  const typeChecker = opts.typeChecker ?? createTypeChecker();
  diagnostics.push(...typeChecker.check({ site, templates, pages, diagnostics: [] }));
  return { site, templates, pages, diagnostics: finalizeDiagnostics(diagnostics) };
}

function unit(t: ParsedTemplate) {
  // Reuse the parse's line index: a render module maps every statement through it.
  return { src: { file: t.file, text: t.text, lines: t.lines }, ast: t.ast };
}
