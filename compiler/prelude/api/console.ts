// The `console` global (SPEC §4.4.7): log/info/warn/error formatted like the platform, one entry per call,
// with the entry-length and entry-count caps applied by writeLog.
import { append, freeze, isArray, jsonStringify, reflectApply, toStr } from "./intrinsics.js";
import { enter, writeLog, type State } from "./state.js";

const arrayIndexOf = Array.prototype.indexOf;
const errorCtor = Error;

/** JSON text with cycles (an object inside itself) shown as "[Circular]"; BigInts as their digits. */
function safeJson(v: unknown): string | undefined {
  const ancestors: unknown[] = [];
  return jsonStringify(v, function (this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === "bigint") return toStr(value);
    if (value === null || typeof value !== "object") return value;
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.length--;
    if (reflectApply(arrayIndexOf, ancestors, [value]) >= 0) return "[Circular]";
    append(ancestors, value);
    return value;
  }) as string | undefined;
}

/** Formats one console argument. Never throws: a hostile getter yields a placeholder. */
export function formatArg(v: unknown): string {
  try {
    if (typeof v === "string") return v;
    if (v === undefined || v === null || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return toStr(v);
    if (typeof v === "symbol") return toStr(v);
    if (v instanceof errorCtor) return `${toStr(v.name)}: ${toStr(v.message)}`;
    if (typeof v === "function") return `[Function ${toStr((v as { name?: unknown }).name) || "(anonymous)"}]`;
    const text = safeJson(v);
    return text === undefined ? toStr(v) : text;
  } catch {
    return isArray(v) ? "[Array]" : "[Object]";
  }
}

export interface ConsoleApi { log(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void }

export function createConsole(s: State): ConsoleApi {
  const make = (level: "info" | "warn" | "error") =>
    function (...args: unknown[]): void {
      enter(s);
      let text = "";
      for (let i = 0; i < args.length; i++) text += (i > 0 ? " " : "") + formatArg(args[i]);
      enter(s); // formatting may run user getters
      writeLog(s, level, text);
    };
  return freeze({ log: make("info"), info: make("info"), warn: make("warn"), error: make("error") });
}
