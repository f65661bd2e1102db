// Template-function checks (SPEC §3.8): unknown names (PC2004, with the hints and fixes of §7.3.2) and
// argument counts (PC2008). The CRM option checks (PC3010–PC3019) belong to the CRM analysis.
import type { Call } from "./ast.js";
import { allowedArguments, replaceWith, type ExprError } from "./errors.js";
import { PLATFORM_FUNCTIONS } from "./platform-functions.js";
import { closest } from "../diagnostics/closest.js";
import { FUNCTIONS, TEMPLATE_CRM_READS, TEMPLATE_CRM_WRITES } from "../prelude/template-lib/manifest.js";

const HINT_PASCAL = "; CRM functions are PascalCase in templates";
const HINT_WRITE = "; templates can only read CRM data, so do this write in the backend script";
const HINT_PLATFORM = "; pagec does not provide this platform function";

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function isCrmWrite(name: string): boolean {
  const p = pascal(name);
  return TEMPLATE_CRM_WRITES.includes(p) || /^MoveCrm[A-Z]/.test(p);
}

export function checkCall(call: Call, errors: ExprError[]): void {
  const { name, start, end } = call.callee;
  if (!Object.hasOwn(FUNCTIONS, name)) {
    errors.push(unknownFunction(name, start, end));
    return;
  }
  const { arities } = FUNCTIONS[name];
  const n = call.args.length;
  if (!arities.includes(n)) {
    errors.push({ code: "PC2008", message: `\`${name}\` takes ${allowedArguments(arities)}, not ${n}`, start, end });
  }
}

function unknownFunction(name: string, start: number, end: number): ExprError {
  const message = (hint: string) => `unknown template function \`${name}\`${hint}`;
  const read = Object.entries(TEMPLATE_CRM_READS).find(([, camel]) => camel === name);
  if (read) return { code: "PC2004", message: message(HINT_PASCAL), start, end, suggestions: [replaceWith(start, end, read[0])] };
  if (isCrmWrite(name)) return { code: "PC2004", message: message(HINT_WRITE), start, end };
  if (PLATFORM_FUNCTIONS.includes(name)) return { code: "PC2004", message: message(HINT_PLATFORM), start, end };
  const near = closest(name, Object.keys(FUNCTIONS));
  return { code: "PC2004", message: message(""), start, end, suggestions: near ? [replaceWith(start, end, near)] : [] };
}
