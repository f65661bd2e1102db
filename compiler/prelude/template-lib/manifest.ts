// Names, argument counts and one-line docs of the template filters (SPEC §3.7) and template functions (§3.8).
// Data only: the analysis (PC2004/PC2005/PC2007/PC2008), the LSP (hover, completion) and the implementation
// (filters.ts) all read this one table.

export interface Signature { arities: number[]; doc: string }

export const FILTERS: Record<string, Signature> = {
  default: { arities: [1], doc: "default:value — the argument when the value is undefined, null or ''" },
  default_if_none: { arities: [1], doc: "default_if_none:value — the argument only for undefined/null" },
  upper: { arities: [0], doc: "upper — text in upper case" },
  lower: { arities: [0], doc: "lower — text in lower case" },
  capitalize: { arities: [0], doc: "capitalize — first code point upper-cased" },
  title: { arities: [0], doc: "title — capitalize every word" },
  trim: { arities: [0], doc: "trim — text without surrounding whitespace" },
  first: { arities: [0], doc: "first — first array element or first character" },
  last: { arities: [0], doc: "last — last array element or last character" },
  slice: { arities: [1, 2], doc: "slice:start[:end] — array or text slice (negative counts from the end)" },
  replace: { arities: [2], doc: "replace:old:new — replace every occurrence (plain text)" },
  truncate: { arities: [1], doc: "truncate:N — first N characters followed by ..." },
  truncatewords: { arities: [1], doc: "truncatewords:N — first N words followed by ..." },
  nl2br: { arities: [0], doc: "nl2br — escape, then <br> before line breaks (follow with | raw)" },
  strip_tags: { arities: [0], doc: "strip_tags — remove HTML tags and comments" },
  url_encode: { arities: [0], doc: "url_encode — encodeURIComponent of the text" },
  length: { arities: [0], doc: "length — element, key or character count" },
  size: { arities: [0], doc: "size — same as length" },
  round: { arities: [0, 1], doc: "round[:d] — decimal rounding to d places (half away from zero)" },
  floor: { arities: [0], doc: "floor — Math.floor of the number" },
  ceil: { arities: [0], doc: "ceil — Math.ceil of the number" },
  abs: { arities: [0], doc: "abs — absolute value" },
  number_format: { arities: [0, 1], doc: "number_format[:d] — 1,234.50 style, d decimals (default 2)" },
  currency: { arities: [0, 1], doc: "currency[:code] — $1,234.56 style (default USD)" },
  yesno: { arities: [0, 2, 3], doc: "yesno[:yes:no[:none]] — text for truthy / falsy / null" },
  join: { arities: [0, 1], doc: "join[:sep] — array elements joined (default ', ')" },
  sort: { arities: [0], doc: "sort — sorted copy of an array" },
  reverse: { arities: [0], doc: "reverse — reversed array or text" },
  unique: { arities: [0], doc: "unique — array without repeated elements" },
  date: { arities: [0, 1], doc: "date[:format] — format a date in UTC (default 'MMM d, yyyy')" },
  date_add: { arities: [1], doc: "date_add:N — add N days to a date" },
  timeago: { arities: [0], doc: "timeago — '3 days ago' / 'in 2 hours'" },
  raw: { arities: [0], doc: "raw — as the last filter, output is not escaped" },
  json: { arities: [0], doc: "json — JSON text, safe to embed in <script> with | raw" },
};

/** Platform filters pagec does not provide (PC2005 with a hint). */
export const PLATFORM_FILTERS = ["t", "formatPrice", "productUrl", "savings", "compareAt", "pricePerUnit", "subscriptionLabel", "merchantPriceId", "upsell_upgrade", "upsell_cancel"];

export const FUNCTIONS: Record<string, Signature> = {
  dump: { arities: [1], doc: "dump(value) — the value as indented JSON text" },
  getSessionItem: { arities: [1], doc: "getSessionItem(key) — a session item, or ''" },
  getCustomer: { arities: [0], doc: "getCustomer() — the session customer or null" },
  GetCrmEntries: { arities: [1], doc: "GetCrmEntries({ slug, referenceType?, referenceId?, limit? }) — entries, newest first" },
  GetCrmField: { arities: [1], doc: "GetCrmField({ slug, fieldKey, … }) — newest value of a field, or null" },
  GetCrmFields: { arities: [1], doc: "GetCrmFields({ slug, fieldKeys, … }) — { key: value-or-null }" },
  GetCrmFieldValues: { arities: [1], doc: "GetCrmFieldValues({ slug, fieldKey, limit?, … }) — values, newest first" },
};

/** CRM read functions reachable from templates (PascalCase) and their script (camelCase) names. */
export const TEMPLATE_CRM_READS: Record<string, string> = {
  GetCrmEntries: "getCrmEntries",
  GetCrmField: "getCrmField",
  GetCrmFields: "getCrmFields",
  GetCrmFieldValues: "getCrmFieldValues",
};
/** CRM writes: PC2004 in templates with the "do this write in the backend script" hint. */
export const TEMPLATE_CRM_WRITES = ["SetCrmField", "SetCrmFields", "AddCrmFieldValue", "ClearCrmEntries", "CreateCrmEntry", "EnsureCrmEntity", "MoveCrmLead", "MoveCrmToStage", "MoveCrmToPipeline", "MoveCrmToEntity", "SetCrmRelation", "RemoveCrmRelation"];

/** Property names that are PC2006 in templates and yield undefined when reached through a computed key. */
export const FORBIDDEN_PROPERTIES = ["__proto__", "constructor", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"];

/** Built-in template names (SPEC §3.6). */
export const BUILTIN_NAMES = ["var", "request", "query", "customer", "is_customer", "is_mobile", "is_tablet", "route_params", "route_slug", "queryparams", "domain", "brand_name", "customer_name"];
/** Platform template variables that pagec does not provide (PC2011). */
export const PLATFORM_VARIABLES = ["click_id", "ip_whois"];
/** Reserved words of the expression grammar (SPEC §3.4.1). */
export const RESERVED_WORDS = ["and", "or", "not", "eq", "neq", "lt", "lte", "gt", "gte", "in", "true", "false", "null"];
