// Small pure helpers shared by the interpreted validator and the precompiled validators (SPEC §5.3–§5.4).
// They run inside the isolate: no Node imports. Generated code reaches them as `__pc.sh`.

/** Validation stops once this many messages have been collected (SPEC §5.3, §9). */
export const MAX_ERRORS = 100;

const hasOwnProp = Object.prototype.hasOwnProperty;

/** Keys that are never copied into a validated value (SPEC §5.3). */
export function forbiddenKey(k: string): boolean {
  return k === "__proto__" || k === "constructor" || k === "prototype";
}

function dropForbidden(this: unknown, k: string, v: unknown): unknown {
  return forbiddenKey(k) ? undefined : v;
}

/**
 * JSON copy (SPEC §0): JSON.parse(JSON.stringify(v)), top-level undefined becomes null, cycles raise
 * TypeError (JSON.stringify does that itself). Forbidden keys are dropped at every depth, so a copy can
 * never carry an own `__proto__`, `constructor` or `prototype` key into a validated value.
 */
export function jsonCopy(v: unknown): unknown {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v + 0 : null;
  const text = JSON.stringify(v);
  return text === undefined ? null : JSON.parse(text, dropForbidden);
}

/** An own property's value, or undefined: inherited properties count as missing (SPEC §5.3). */
export function ownValue(o: object, k: string | number): unknown {
  return hasOwnProp.call(o, k) ? (o as Record<string | number, unknown>)[k] : undefined;
}

/** Objects accepted by object schemas: non-null, not arrays (SPEC §5.1). */
export function isObjectValue(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Linear-time equivalent of /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/ (SPEC §5.4). The regex itself
 * backtracks quadratically on long digit runs, which a 64 KB body could exploit.
 */
export function isNumericText(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    const fracStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (intDigits === 0 && i === fracStart) return false;
  } else if (intDigits === 0) {
    return false;
  }
  if (i < n && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    i++;
    if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart) return false;
  }
  return i === n;
}

/** Number conversion (SPEC §5.4); undefined means "must be a number". Results are always finite. */
export function toNumber(x: unknown): number | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? x : undefined;
  if (typeof x !== "string") return undefined;
  const t = x.trim();
  if (!isNumericText(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Boolean conversion (SPEC §5.4): only "true"/"1" and "false"/"0", exact; undefined means an error. */
export function toBoolean(x: unknown): boolean | undefined {
  if (x === true || x === "true" || x === "1") return true;
  if (x === false || x === "false" || x === "0") return false;
  return undefined;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^https?:\/\/[^\s\/?#:@]+(:\d{1,5})?([\/?#]\S*)?$/i;

/** The length limits come first so both checks stay linear on adversarial input (SPEC §5.3). */
export function isEmail(s: string): boolean {
  return s.length <= 254 && EMAIL_RE.test(s);
}

export function isUrl(s: string): boolean {
  return s.length <= 2048 && URL_RE.test(s);
}

/** `re.test(s)` with lastIndex reset first, so /g and /y patterns behave the same on every call. */
export function testPattern(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

// Paths (SPEC §5.5): "" stands for the unlabelled root, whose own label is `value` and whose keys are bare.
export function keyPath(base: string, k: string): string {
  return base === "" ? k : base + "." + k;
}

export function indexPath(base: string, i: number): string {
  return base + "[" + i + "]";
}

export function displayPath(path: string): string {
  return path === "" ? "value" : path;
}

/** Null-prototype key set of an object shape, used to skip shape keys in `pattern_values`. */
export function keySet(keys: readonly string[]): Record<string, true> {
  const set: Record<string, true> = Object.create(null);
  for (const k of keys) set[k] = true;
  return set;
}

/** True when `pattern_values` must not visit this input key: a shape key or a forbidden key. */
export function skipPatternKey(shapeKeys: Record<string, true>, k: string): boolean {
  return shapeKeys[k] === true || forbiddenKey(k);
}
