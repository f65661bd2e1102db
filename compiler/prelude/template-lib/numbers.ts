// Number conventions of the filters (SPEC §3.7): toNumber, decimal rounding half away from zero on the shortest
// decimal form (String(n)), and the 1,234.50 formatting shared by number_format and currency.

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** A finite number for numeric input (finite numbers, numeric strings), else undefined ("not numeric"). */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v === v && v !== Infinity && v !== -Infinity ? v : undefined;
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  if (!NUMERIC.test(s)) return undefined;
  const n = Number(s);
  return n === n && n !== Infinity && n !== -Infinity ? n : undefined;
}

/** An integer argument in [min, max] (numeric strings accepted), else undefined. */
export function toIntArg(v: unknown, min: number, max: number): number | undefined {
  const n = toNumber(v);
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** Adds one to a string of decimal digits. */
function incrementDigits(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d.charCodeAt(i) === 57) i--;
  if (i < 0) return "1" + "0".repeat(d.length);
  return d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1) + "0".repeat(d.length - 1 - i);
}

export interface Rounded { negative: boolean; int: string; frac: string }

/** |n| rounded to `places` decimals, as digit strings (frac has exactly `places` digits); `negative` is n's sign. */
export function roundDecimal(n: number, places: number): Rounded {
  const negative = n < 0;
  const m = DECIMAL.exec(String(Math.abs(n)));
  if (!m) return { negative, int: "0", frac: "0".repeat(places) }; // unreachable for finite numbers
  let digits = m[1] + (m[2] ?? "");
  let point = m[1].length + (m[3] ? Number(m[3]) : 0);
  if (point < 0) { digits = "0".repeat(-point) + digits; point = 0; }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  let int = digits.slice(0, point) || "0";
  let frac = digits.slice(point);
  if (frac.length <= places) return { negative, int, frac: frac + "0".repeat(places - frac.length) };
  const up = frac.charCodeAt(places) >= 53; // '5' or more: half away from zero
  frac = frac.slice(0, places);
  if (up) {
    const bumped = incrementDigits(int + frac);
    int = bumped.slice(0, bumped.length - places);
    frac = bumped.slice(bumped.length - places);
  }
  int = int.replace(/^0+(?=\d)/, "");
  return { negative, int, frac };
}

function isZero(r: Rounded): boolean {
  return /^0*$/.test(r.int) && /^0*$/.test(r.frac);
}

/** Decimal rounding to `places` as a number; never -0. */
export function roundNumber(n: number, places: number): number {
  const r = roundDecimal(n, places);
  if (isZero(r)) return 0;
  return Number((r.negative ? "-" : "") + r.int + (places > 0 ? "." + r.frac : ""));
}

function group(int: string): string {
  if (int.length <= 3) return int;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += "," + int.slice(i, i + 3);
  return out;
}

/** 1,234.50 formatting of n with `places` decimals; `-` only when the rounded value is not zero. */
export function formatNumber(n: number, places: number): string {
  const r = roundDecimal(n, places);
  const sign = r.negative && !isZero(r) ? "-" : "";
  return sign + group(r.int) + (places > 0 ? "." + r.frac : "");
}

const CURRENCIES: Record<string, readonly [symbol: string, decimals: number]> = {
  USD: ["$", 2], EUR: ["€", 2], GBP: ["£", 2], JPY: ["¥", 0], KRW: ["₩", 0], INR: ["₹", 2],
  CNY: ["CN¥", 2], CAD: ["CA$", 2], AUD: ["A$", 2], NZD: ["NZ$", 2], MXN: ["MX$", 2], BRL: ["R$", 2],
};

/** sign + symbol + number_format(|n|, decimals); unknown codes are written as "CODE ". */
export function formatCurrency(n: number, code: unknown): string {
  const c = typeof code === "string" && code !== "" ? code.toUpperCase() : "USD";
  const known = Object.prototype.hasOwnProperty.call(CURRENCIES, c) ? CURRENCIES[c] : undefined;
  const symbol = known ? known[0] : c + " ";
  const places = known ? known[1] : 2;
  const r = roundDecimal(n, places);
  const sign = r.negative && !isZero(r) ? "-" : "";
  return sign + symbol + group(r.int) + (places > 0 ? "." + r.frac : "");
}
