import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SiteCheckInput, SiteCheckShared } from "../site-checks.js";
export function checkTemplateScopes(_input: SiteCheckInput, _shared: SiteCheckShared): Diagnostic[] { return []; }
