// Generates the specialised, straight-line validate function of one static schema (SPEC §8.7).
// We generate our own code rather than use ajv's standalone output: ajv cannot reproduce §5's messages,
// labels and paths, its coercion rules differ (e.g. booleans from 1/"" and numbers from booleans), and it has
// no notion of defaults-as-copies, strip, the root rule or the 100-error cap. Every branch below mirrors
// compiler/prelude/schema/validate.ts; the differential test in test/schema checks they agree.
import { jsonCopy, keyPath, displayPath, forbiddenKey, MAX_ERRORS } from "../prelude/schema/helpers.js";
import { messages, type MessageName, type Primitive } from "../prelude/schema/messages.js";
import type { SchemaSpec } from "../prelude/schema/spec.js";

/**
 * A path known at compile time (`c`) or a JavaScript expression computing it at run time (`e`); `filled`
 * marks expressions that can never be "" (element paths), which need no `value` fallback for display.
 */
type Path = { c: string; e?: undefined } | { e: string; c?: undefined; filled?: boolean };

/** Generated code stays below this many spec nodes (shared `const` schemas are inlined at each use). */
const MAX_NODES = 4000;

export function numberLiteral(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  return Object.is(n, -0) ? "-0" : String(n);
}

function primitiveLiteral(v: Primitive): string {
  return typeof v === "number" ? numberLiteral(v) : JSON.stringify(v);
}

function countNodes(s: SchemaSpec): number {
  let n = 1;
  if (s.items) n += countNodes(s.items);
  if (s.patternValues) n += countNodes(s.patternValues);
  for (const [, c] of s.shape ?? []) n += countNodes(c);
  return n;
}

class Gen {
  private counter = 0;
  readonly consts: string[] = [];
  readonly out: string[] = [];

  id(prefix: string): string {
    return prefix + this.counter++;
  }
  constant(code: string): string {
    const name = this.id("K");
    this.consts.push("var " + name + " = " + code + ";");
    return name;
  }
  emit(line: string): void {
    this.out.push(line);
  }

  /** Message code: a string literal when the label is known, else a call to the shared formatter. */
  message(name: MessageName, L: Path, arg?: number | readonly Primitive[]): string {
    if (L.c !== undefined) {
      const f = messages[name] as (L: string, a?: unknown) => string;
      return JSON.stringify(f(L.c, arg));
    }
    let extra = "";
    if (typeof arg === "number") extra = ", " + numberLiteral(arg);
    else if (arg !== undefined) extra = ", " + this.constant("[" + arg.map(primitiveLiteral).join(", ") + "]");
    return "sh.m." + name + "(" + L.e + extra + ")";
  }

  /** Code that reports `msg` and leaves this value's block (or the whole walk at the error cap). */
  fail(msg: string, blk: string): string {
    return "{ if (e.push(" + msg + ") >= " + MAX_ERRORS + ") break stop; break " + blk + "; }";
  }

  /** Statements validating input variable `x` into the (already declared, undefined) variable `out`. */
  node(s: SchemaSpec, x: string, out: string, path: Path): void {
    const blk = this.id("b");
    const L: Path = s.label !== undefined ? { c: s.label }
      : path.c !== undefined ? { c: displayPath(path.c) }
      : path.filled ? path : { e: "sh.disp(" + path.e + ")" };
    const base: Path = s.label !== undefined ? { c: s.label } : path;
    this.emit(blk + ": {");
    const loose = s.type === "string" || s.type === "any";
    this.emit("if (" + x + " == null" + (loose ? "" : " || " + x + ' === ""') + ") {");
    if (s.hasDefault) this.emit(out + " = " + JSON.stringify(jsonCopy(s.def)) + ";");
    else if (s.required) this.emit("if (e.push(" + this.message("required", L) + ") >= " + MAX_ERRORS + ") break stop;");
    this.emit("break " + blk + "; }");
    if (loose && s.required) this.emit("if (" + x + ' === "") ' + this.fail(this.message("required", L), blk));
    const v = this.id("v");
    switch (s.type) {
      case "string":
        this.emit("if (typeof " + x + ' !== "string") ' + this.fail(this.message("string", L), blk));
        this.emit("var " + v + " = " + x + ";");
        break;
      case "number":
        this.emit("var " + v + " = sh.num(" + x + ");");
        this.emit("if (" + v + " === undefined) " + this.fail(this.message("number", L), blk));
        break;
      case "boolean":
        this.emit("var " + v + " = sh.bool(" + x + ");");
        this.emit("if (" + v + " === undefined) " + this.fail(this.message("boolean", L), blk));
        break;
      case "array":
        this.emit("if (!Array.isArray(" + x + ")) " + this.fail(this.message("array", L), blk));
        this.emit("var " + v + " = " + x + ";");
        break;
      case "object":
        this.emit("if (!sh.isObj(" + x + ")) " + this.fail(this.message("object", L), blk));
        this.emit("var " + v + " = " + x + ";");
        break;
      default:
        this.emit("var " + v + " = sh.copy(" + x + ");");
    }
    if (s.valid !== undefined) {
      const cond = s.valid.map((a) => v + " !== " + primitiveLiteral(a)).join(" && ");
      this.emit("if (" + cond + ") " + this.fail(this.message("oneOf", L, s.valid), blk));
    }
    if (s.type === "string") this.stringRules(s, v, L, blk);
    if (s.type === "number") this.numberRules(s, v, L, blk);
    if (s.type === "array") this.arrayRules(s, v, L, base, blk);
    if (s.type === "object") this.objectRules(s, v, base);
    this.emit(out + " = " + v + ";");
    this.emit("}");
  }

  private stringRules(s: SchemaSpec, v: string, L: Path, blk: string): void {
    if (s.min !== undefined) this.emit("if (" + v + ".length < " + s.min + ") " + this.fail(this.message("stringMin", L, s.min), blk));
    if (s.max !== undefined) this.emit("if (" + v + ".length > " + s.max + ") " + this.fail(this.message("stringMax", L, s.max), blk));
    if (s.email) this.emit("if (!sh.email(" + v + ")) " + this.fail(this.message("email", L), blk));
    if (s.url) this.emit("if (!sh.url(" + v + ")) " + this.fail(this.message("url", L), blk));
    if (s.pattern !== undefined) {
      const re = this.constant("/" + s.pattern.source + "/" + s.pattern.flags);
      this.emit("if (!sh.test(" + re + ", " + v + ")) " + this.fail(this.message("pattern", L), blk));
    }
    if (s.lowercase) this.emit("if (" + v + " !== " + v + ".toLowerCase()) " + this.fail(this.message("lowercase", L), blk));
  }

  private numberRules(s: SchemaSpec, v: string, L: Path, blk: string): void {
    if (s.integer) this.emit("if (!Number.isInteger(" + v + ")) " + this.fail(this.message("integer", L), blk));
    if (s.positive) this.emit("if (!(" + v + " > 0)) " + this.fail(this.message("positive", L), blk));
    if (s.negative) this.emit("if (!(" + v + " < 0)) " + this.fail(this.message("negative", L), blk));
    if (s.min !== undefined) this.emit("if (" + v + " < " + numberLiteral(s.min) + ") " + this.fail(this.message("numberMin", L, s.min), blk));
    if (s.max !== undefined) this.emit("if (" + v + " > " + numberLiteral(s.max) + ") " + this.fail(this.message("numberMax", L, s.max), blk));
  }

  private arrayRules(s: SchemaSpec, v: string, L: Path, base: Path, blk: string): void {
    if (s.min !== undefined) this.emit("if (" + v + ".length < " + s.min + ") " + this.fail(this.message("arrayMin", L, s.min), blk));
    if (s.max !== undefined) this.emit("if (" + v + ".length > " + s.max + ") " + this.fail(this.message("arrayMax", L, s.max), blk));
    if (s.items === undefined) {
      this.emit(v + " = sh.copy(" + v + ");");
      return;
    }
    const [a, i, n, cx, co] = [this.id("a"), this.id("i"), this.id("n"), this.id("x"), this.id("o")];
    const childPath: Path = base.c !== undefined
      ? { e: JSON.stringify(base.c + "[") + " + " + i + ' + "]"', filled: true }
      : { e: base.e + ' + "[" + ' + i + ' + "]"', filled: true };
    this.emit("var " + a + " = [];");
    this.emit("for (var " + i + " = 0, " + n + " = " + v + ".length; " + i + " < " + n + "; " + i + "++) {");
    this.emit("var " + cx + " = sh.own(" + v + ", " + i + "), " + co + " = undefined;");
    this.node(s.items, cx, co, childPath);
    if (!s.items.strip) this.emit(a + ".push(" + co + " === undefined ? null : " + co + ");");
    this.emit("}");
    this.emit(v + " = " + a + ";");
  }

  private objectRules(s: SchemaSpec, v: string, base: Path): void {
    if (s.shape === undefined && s.patternValues === undefined) {
      this.emit(v + " = sh.copy(" + v + ");");
      return;
    }
    const o = this.id("r");
    this.emit("var " + o + " = {};");
    const shape = s.shape ?? [];
    for (const [k, cs] of shape) {
      const [cx, co] = [this.id("x"), this.id("o")];
      const key = JSON.stringify(k);
      this.emit("var " + cx + " = " + (forbiddenKey(k) ? "undefined" : "sh.own(" + v + ", " + key + ")") + ", " + co + " = undefined;");
      const childPath: Path = base.c !== undefined ? { c: keyPath(base.c, k) } : { e: "sh.key(" + base.e + ", " + key + ")" };
      this.node(cs, cx, co, childPath);
      if (!cs.strip && !forbiddenKey(k)) this.emit("if (" + co + " !== undefined) " + o + "[" + key + "] = " + co + ";");
    }
    const pv = s.patternValues;
    if (pv !== undefined) {
      const set = this.constant("sh.keySet(" + JSON.stringify(shape.map((e) => e[0])) + ")");
      const [ks, j, k, cx, co] = [this.id("ks"), this.id("j"), this.id("k"), this.id("x"), this.id("o")];
      this.emit("var " + ks + " = Object.keys(" + v + ");");
      this.emit("for (var " + j + " = 0; " + j + " < " + ks + ".length; " + j + "++) {");
      this.emit("var " + k + " = " + ks + "[" + j + "];");
      this.emit("if (sh.skip(" + set + ", " + k + ")) continue;");
      this.emit("var " + cx + " = " + v + "[" + k + "], " + co + " = undefined;");
      this.node(pv, cx, co, { e: "sh.key(" + (base.c !== undefined ? JSON.stringify(base.c) : base.e) + ", " + k + ")" });
      if (!pv.strip) this.emit("if (" + co + " !== undefined) " + o + "[" + k + "] = " + co + ";");
      this.emit("}");
    }
    this.emit(v + " = " + o + ";");
  }
}

/**
 * The source of an expression evaluating to the validate function of `spec`, for a scope where `__pc.sh`
 * is the prelude's `schemaHelpers`. Undefined when the schema is too large to inline.
 */
export function generateValidatorSource(spec: SchemaSpec): string | undefined {
  if (countNodes(spec) > MAX_NODES) return undefined;
  const g = new Gen();
  g.node(spec, "data", "r", { c: "" });
  const rootRule = spec.type === "object" && !spec.required && !spec.hasDefault ? "if (data == null) data = {}; " : "";
  const value = spec.strip ? "undefined" : "r";
  return "(function (sh) { \"use strict\"; " + g.consts.join(" ") + " return function (data) { var e = [], r; " + rootRule +
    "stop: { " + g.out.join(" ") + " } return e.length === 0 ? { valid: true, value: " + value +
    ", errors: e } : { valid: false, value: null, errors: e }; }; })(__pc.sh)";
}
