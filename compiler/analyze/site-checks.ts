// Context-dependent checks that need the whole page graph: template scope and names (SPEC §3.6, PC2xxx) and
// backend-script API checks (§4, PC3xxx). Each check module registers here, so the pipeline stays one call.
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Site } from "../site/load-site.js";
import type { ParsedTemplate } from "./template-graph.js";
import type { PageArtifact } from "../compile.js";

export interface SiteCheckInput { site: Site; templates: Map<string, ParsedTemplate>; pages: PageArtifact[] }
export type SiteCheck = (input: SiteCheckInput) => Diagnostic[];

const CHECKS: SiteCheck[] = [];

export function runSiteChecks(input: SiteCheckInput): Diagnostic[] {
  return CHECKS.flatMap((check) => check(input));
}
