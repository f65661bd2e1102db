// The names a backend script may use without declaring them (SPEC §4.3) and the hints PC3007 gives for the
// names it may not (§4.6, §4.7). Data only; the free-identifier analysis lives in free-names.ts.
import { PLATFORM_FUNCTIONS } from "../../expr/platform-functions.js";

/** ECMAScript 2023 globals (plus Intl) left in the sandbox; SharedArrayBuffer, Atomics and WebAssembly are removed. */
const ECMASCRIPT = [
  "globalThis", "Infinity", "NaN", "undefined", "eval", "isFinite", "isNaN", "parseFloat", "parseInt",
  "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape",
  "AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "DataView",
  "Date", "Error", "EvalError", "FinalizationRegistry", "Float32Array", "Float64Array", "Function", "Int8Array",
  "Int16Array", "Int32Array", "Map", "Number", "Object", "Promise", "Proxy", "RangeError", "ReferenceError",
  "RegExp", "Set", "String", "Symbol", "SyntaxError", "TypeError", "Uint8Array", "Uint8ClampedArray",
  "Uint16Array", "Uint32Array", "URIError", "WeakMap", "WeakRef", "WeakSet", "JSON", "Math", "Reflect", "Intl",
];

/** The pagec globals of SPEC §4.3 / Appendix A. */
export const PAGEC_GLOBALS = [
  "request", "response", "redirect", "setHeader", "cookie", "session", "getSessionItem", "setSessionItem",
  "clearSessionItem", "is_customer", "customer", "getCustomer", "setVariable", "getVariable", "console",
  "getCrmEntries", "getCrmField", "getCrmFields", "getCrmFieldValues", "setCrmField", "setCrmFields",
  "addCrmFieldValue", "clearCrmEntries", "Schema",
];

export const KNOWN_GLOBALS: ReadonlySet<string> = new Set([...ECMASCRIPT, ...PAGEC_GLOBALS]);

const HINT_GROUPS: [string, string[]][] = [
  ["backend scripts cannot make network requests", ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "http"]],
  ["there are no timers; do the work inline", ["setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate", "queueMicrotask"]],
  ["backend scripts are not Node.js; use `import … from \"code\"` for scripts/<code>.js", ["require", "module", "exports", "__dirname", "__filename", "process", "Buffer", "global"]],
  ["backend scripts run on the server; use `request` and `session`", ["window", "document", "navigator", "location", "localStorage", "sessionStorage", "alert", "self"]],
  ["not available in the sandbox", ["URL", "URLSearchParams", "TextEncoder", "TextDecoder", "atob", "btoa", "crypto", "structuredClone", "performance", "Blob", "FormData", "Headers", "Request", "Response", "AbortController"]],
  ["declare CRM entities in site.json instead", ["ensureCrmEntity"]],
];

/** PascalCase CRM names (the template spelling) → the script spelling. */
export const PASCAL_CRM: Readonly<Record<string, string>> = {
  GetCrmEntries: "getCrmEntries", GetCrmField: "getCrmField", GetCrmFields: "getCrmFields", GetCrmFieldValues: "getCrmFieldValues",
  SetCrmField: "setCrmField", SetCrmFields: "setCrmFields", AddCrmFieldValue: "addCrmFieldValue", ClearCrmEntries: "clearCrmEntries",
};

const DEFAULT_HINT = "it is not declared in this file and is not a pagec global";
const PLATFORM_HINT = "this platform function is not provided by pagec";

/** The PC3007 hint for `name`, and the camelCase replacement when there is one. */
export function missingGlobalHint(name: string): { hint: string; replacement?: string } {
  if (Object.hasOwn(PASCAL_CRM, name)) return { hint: `CRM functions are camelCase in backend scripts: use \`${PASCAL_CRM[name]}\``, replacement: PASCAL_CRM[name] };
  for (const [hint, names] of HINT_GROUPS) if (names.includes(name)) return { hint };
  if (PLATFORM_FUNCTIONS.includes(name)) return { hint: PLATFORM_HINT };
  return { hint: DEFAULT_HINT };
}
