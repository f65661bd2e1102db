// The filter table the compiled render functions call as filters.<name>(value, ...args): one entry per
// manifest FILTERS name (SPEC §3.7). Frozen and null-prototype, so user code cannot add or shadow a filter.
import * as T from "./filters-text.js";
import * as V from "./filters-values.js";

export type FilterFn = (value: unknown, ...args: unknown[]) => unknown;

/** Last line of defence for "filters never throw": a value no filter rule foresaw (a hostile proxy, say) comes
 *  back unchanged. try/catch costs nothing on the non-throwing path, and apply(arguments) keeps the argument count. */
function guard(f: FilterFn): FilterFn {
  return function guarded(this: unknown, value: unknown): unknown {
    try {
      // eslint-disable-next-line prefer-rest-params
      return f.apply(undefined, arguments as unknown as [unknown, ...unknown[]]);
    } catch {
      return value;
    }
  };
}

const table: Record<string, FilterFn> = {

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
};

export const filters: { readonly [name: string]: FilterFn } = Object.freeze(
  Object.keys(table).reduce((acc, name) => ((acc[name] = guard(table[name])), acc), Object.create(null) as Record<string, FilterFn>),
);

export const timeagoAt = V.timeagoAt;
