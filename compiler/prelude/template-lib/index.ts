// Public surface of the template runtime library: what compiled render functions and the prelude import.
// No Node imports and no dependencies: this code is bundled into the sandbox prelude and also loaded on the host.
export { escapeHtml, toText, out, truthy, isPlainObject, toWellFormed, codePointLength } from "./text.js";
export { get, prop, isForbiddenKey } from "./access.js";
export { safeUrl, urlScheme, decodeCharRefs, BLOCKED_URL } from "./url.js";
export { toNumber } from "./numbers.js";
export { toTime, formatDate } from "./dates.js";
export { filters, timeagoAt, type FilterFn } from "./filters.js";
export { functions, dump } from "./functions.js";
