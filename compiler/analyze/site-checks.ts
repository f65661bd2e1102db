// Context-dependent checks that need the whole page graph: template scope and names (SPEC §3.6, PC2xxx) and
// backend-script API checks (§4, PC3xxx). Each check module registers here, so the pipeline stays one call.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Site } from "../site/load-site.js";
import type { ParsedTemplate } from "./template-graph.js";
import type { PageArtifact } from "../compile.js";
import { analyzeScripts, type ScriptFacts } from "./script/index.js";
import { checkTemplateScopes } from "./scope/index.js";

export interface SiteCheckInput { site: Site; templates: Map<string, ParsedTemplate>; pages: PageArtifact[] }
/** What the checks share within one run (computed once per run, never kept between runs). */
export interface SiteCheckShared { scripts: ScriptFacts }
export type SiteCheck = (input: SiteCheckInput, shared: SiteCheckShared) => Diagnostic[];

const CHECKS: readonly SiteCheck[] = [
  (_input, shared) => shared.scripts.diagnostics,
  checkTemplateScopes,
];

export function runSiteChecks(input: SiteCheckInput): Diagnostic[] {
  const shared: SiteCheckShared = { scripts: analyzeScripts(input) };
  return CHECKS.flatMap((check) => check(input, shared));
}
