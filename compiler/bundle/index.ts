// Backend-script bundling (SPEC §4.1, §4.2, §8.3, §8.6): a page's units plus every module they reach become ONE
// classic script `__pagec_define(slug, function (__pc) { … return [unit functions]; })`. The wrapping is done
// here with magic-string rather than esbuild because esbuild cannot bundle top-level `return` in units, cannot
// keep one module scope per unit, and would not give the once-per-request, non-live module semantics we need.
import MagicString, { Bundle } from "magic-string";
import { type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseUnit, type UnitSource, type ModuleFile } from "./parse.js";
import { scanSyntax } from "./syntax.js";
import { buildModuleGraph, type ScannedFile, type ModuleGraph } from "./graph.js";
import { rewriteFile, hoistedLoads, namespaceLiteral } from "./rewrite.js";

export { parseUnit, parseModule } from "./parse.js";
export type { UnitSource, ModuleFile, ParsedUnit, ParsedModule } from "./parse.js";
export { resolveSpecifier, stripSpecifier, isModuleCode, moduleFile } from "./specifier.js";
export { scanSyntax, patternNames, DEFAULT_LOCAL } from "./syntax.js";
export type { ImportInfo, NamedImport, ExportEntry, FileSyntax } from "./syntax.js";
export { buildModuleGraph } from "./graph.js";
export type { ModuleGraph, ModuleNode, ScannedFile, GraphOptions } from "./graph.js";

export interface BundleInput {
  slug: string;
  units: UnitSource[];
  readModule(code: string): ModuleFile | null;
  maxImports: number;
  maxModulesPerPage: number;
  precompileSchemas: boolean;
  /** Optional: every module code of the site, so PC3002 can suggest the closest one. */
  moduleCodes?: readonly string[];
  /** Check-only runs (pagec check, the language server): produce the diagnostics, skip code and source map. */
  analyzeOnly?: boolean;
}
export interface SourceMapV3 { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string; file?: string }
export interface BundleResult {
  code: string;
  map: SourceMapV3;
  diagnostics: Diagnostic[];
  /** Site files used (units with blocks and the modules reached), sorted. */
  sources: string[];
  schemas: { precompiled: number; dynamic: number };
  ok: boolean;
}

export interface PageScan {
  /** The units that parsed, in run order. */
  units: ScannedFile[];
  graph: ModuleGraph;
  /** PC3001–PC3006 and PC3032 of the units and of every module reached. */
  diagnostics: Diagnostic[];
  unitFailed: boolean;
}

/** Parses the units and reaches their modules: the part of bundling the static analysis also needs. */
export function scanPage(input: Omit<BundleInput, "slug" | "precompileSchemas">): PageScan {
  const diagnostics: Diagnostic[] = [];
  const units: ScannedFile[] = [];
  let unitFailed = false;
  for (const u of input.units) {
    const r = parseUnit(u);
    diagnostics.push(...r.diagnostics);
    if (r.diagnostics.length) unitFailed = true;
    if (!r.unit) continue;
    const syntax = scanSyntax(r.unit, "unit", input.maxImports);
    diagnostics.push(...syntax.diagnostics);
    units.push({ parsed: r.unit, syntax });
  }
  const graph = buildModuleGraph(units, input);
  diagnostics.push(...graph.diagnostics);
  return { units, graph, diagnostics, unitFailed };
}

export function bundlePage(input: BundleInput): BundleResult {
  const { units, graph, diagnostics, unitFailed } = scanPage(input);
  const bundle = new Bundle({ separator: "" });
  bundle.prepend(`__pagec_define(${JSON.stringify(input.slug)}, function (__pc) {\n  "use strict";\n`);
  const schemas = { precompiled: 0, dynamic: 0 };
  const add = (file: ScannedFile, intro: string, outro: string) => {
    const { s, schemas: counts } = rewriteFile(file, input.precompileSchemas);
    schemas.precompiled += counts.precompiled;
    schemas.dynamic += counts.dynamic;
    diagnostics.push(...counts.diagnostics);
    s.prepend(intro).append(outro);
    bundle.addSource({ filename: file.parsed.file, content: s });
  };

  for (const m of graph.modules) {
    if (!m.scanned) continue;
    const n = `m${m.index}`;
    add(m.scanned,
      `  let __${n}; const __load_${n} = () => (__${n} ??= (async () => {${hoistedLoads(m.scanned, graph)} `,
      `\n  return ${namespaceLiteral(m.scanned.syntax.exports)}; })());\n`);
  }
  bundle.addSource(new MagicString("  return [\n"));
  for (const u of units) add(u, `    async function () {${hoistedLoads(u, graph)} `, `\n    },\n`);
  bundle.append("  ];\n});\n");

  const sources = [...new Set([...units.map((u) => u.parsed.file), ...graph.modules.map((m) => m.file)])].sort();
  if (input.analyzeOnly) {
    const ok = !unitFailed && !diagnostics.some((d) => d.severity === "error");
    return { code: "", map: { version: 3, sources: [], sourcesContent: [], names: [], mappings: "" }, diagnostics, sources, schemas, ok };
  }
  const map = bundle.generateMap({ hires: true, includeContent: true });
  const ok = !unitFailed && !diagnostics.some((d) => d.severity === "error");
  return {
    code: bundle.toString(),
    map: { version: 3, sources: map.sources, sourcesContent: map.sourcesContent as string[], names: map.names, mappings: map.mappings },
    diagnostics,
    sources,
    schemas,
    ok,
  };
}
