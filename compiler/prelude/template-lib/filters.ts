// The filter table the compiled render functions call as filters.<name>(value, ...args): one entry per
// manifest FILTERS name (SPEC §3.7). Frozen and null-prototype, so user code cannot add or shadow a filter.
import * as T from "./filters-text.js";
import * as V from "./filters-values.js";

export type FilterFn = (value: unknown, ...args: unknown[]) => unknown;

export const filters: { readonly [name: string]: FilterFn } = Object.freeze(Object.assign(Object.create(null), {
  default: T.defaultFilter,
  default_if_none: T.defaultIfNone,
  upper: T.upper,
  lower: T.lower,
  capitalize: T.capitalize,
  title: T.title,
  trim: T.trim,
  first: T.first,
  last: T.last,
  slice(v: unknown, start: unknown, end?: unknown): unknown {
    return T.slice(v, start, end, arguments.length >= 3);
  },
  replace: T.replace,
  truncate: T.truncate,
  truncatewords: T.truncatewords,
  nl2br: T.nl2br,
  strip_tags: T.stripTags,
  url_encode: T.urlEncode,
  length: T.length,
  size: T.length,
  round: V.round,
  floor: V.floor,
  ceil: V.ceil,
  abs: V.abs,
  number_format: V.numberFormat,
  currency: V.currency,
  yesno(v: unknown, yes?: unknown, no?: unknown, none?: unknown): unknown {
    return V.yesno(v, yes, no, none, arguments.length - 1);
  },
  join: V.join,
  sort: V.sort,
  reverse: V.reverse,
  unique: V.unique,
  date: V.date,
  date_add: V.dateAdd,
  timeago: V.timeago,
  raw: T.raw,
  json: T.json,
}));

export const timeagoAt = V.timeagoAt;
