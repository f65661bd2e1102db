// Recursive-descent parser for the expression grammar of SPEC §3.4.2–§3.4.3. The first syntax error stops the
// parse (thrown as a private Stop and caught in parse.ts); PC1021 and PC2006 are collected and parsing goes on.
import type { ArrayLit, BinaryOperator, Expr, Identifier, ObjectLit, Property } from "./ast.js";
import { BINARY_LEVELS, LOGICAL_LEVELS } from "./operators.js";
import type { Token } from "./lex.js";
import { forbiddenMessage, methodCallMessage, syntaxMessage, type ExprError } from "./errors.js";
import { FORBIDDEN_PROPERTIES, RESERVED_WORDS } from "../prelude/template-lib/manifest.js";

/** Internal control flow for the first syntax error; never escapes parseExpression. */
export class Stop { constructor(readonly error: ExprError) {} }

// Bounds that keep the recursive parser, checks and codegen well inside the call stack on hostile input.
const MAX_NESTING = 200;
const MAX_DEPTH = 1000;

const RESERVED = new Set(RESERVED_WORDS);
const FORBIDDEN = new Set(FORBIDDEN_PROPERTIES);

export class Parser {
  readonly errors: ExprError[] = [];
  private pos = 0;
  private nesting = 0;
  /** Spans that include surrounding parentheses, so enclosing nodes start and end where the source does. */
  private readonly outer = new Map<Expr, { start: number; end: number }>();
  private readonly depth = new Map<Expr, number>();

  constructor(private readonly tokens: Token[], private readonly text: string, private readonly base: number) {}

  parseAll(): Expr {
    const e = this.parseFilters();
    if (this.peek().type !== "eof") this.fail(this.peek());
    return e;
  }

  // ---- token helpers ----
  private peek(): Token { return this.tokens[this.pos]; }
  private next(): Token { return this.tokens[Math.min(this.pos++, this.tokens.length - 1)]; }
  private isPunct(v: string, t = this.peek()): boolean { return t.type === "punct" && t.value === v; }
  private expect(v: string): Token {
    const t = this.peek();
    if (this.isPunct(v, t)) return this.next();
    return this.expected(v);
  }
  private expected(v: string): never {
    const t = this.peek();
    // A lexical error at this spot is the more precise report.
    if (t.type === "error") this.fail(t);
    return this.stop(`expected "${v}"`, t);
  }
  /** Reports the syntax error for an unexpected token `t`. */
  private fail(t: Token): never {
    if (t.type === "error") return this.stop(t.value, t);
    if (t.type === "eof") return this.stop("unexpected end of expression", t);
    return this.stop(`unexpected token "${this.source(t.start, t.end)}"`, t);
  }
  private stop(detail: string, t: Token): never {
    throw new Stop({ code: "PC1020", message: syntaxMessage(detail), start: t.start, end: t.end });
  }
  private source(start: number, end: number): string { return this.text.slice(start - this.base, end - this.base); }
  private span(e: Expr) { return this.outer.get(e) ?? e; }
  private enter(): void { if (++this.nesting > MAX_NESTING) this.fail(this.peek()); }

  /** Records a finished node's depth; too-deep trees are reported at the operator token that built them. */
  private built<T extends Expr>(node: T, op: Token, children: Expr[]): T {
    const d = 1 + Math.max(0, ...children.map((c) => this.depth.get(c) ?? 1));
    if (d > MAX_DEPTH) this.fail(op);
    this.depth.set(node, d);
    return node;
  }

  // ---- grammar ----
  /** Expression = Conditional { "|" Filter } */
  private parseFilters(): Expr {
    this.enter();
    let e = this.parseConditional();
    while (this.isPunct("|")) {
      const bar = this.next();
      const name = this.peek();
      if (name.type !== "ident" || RESERVED.has(name.value)) this.fail(name);
      this.next();
      let args: Expr[] = [];
      let end = name.end;
      if (this.isPunct("(")) {
        this.next();
        ({ items: args, end } = this.parseList(")"));
      } else {
        while (this.isPunct(":")) {
          this.next();
          const arg = this.parseUnary();
          args.push(arg);
          end = this.span(arg).end;
        }
      }
      e = this.built({ type: "Filter", input: e, name: name.value, nameStart: name.start, nameEnd: name.end, args, start: this.span(e).start, end }, bar, [e, ...args]);
    }
    this.nesting--;
    return e;
  }

  /** Conditional = OrExpr [ "?" Conditional ":" Conditional ] */
  private parseConditional(): Expr {
    this.enter();
    const test = this.parseBinary(0);
    let e = test;
    if (this.isPunct("?")) {
      const q = this.next();
      const consequent = this.parseConditional();
      this.expect(":");
      const alternate = this.parseConditional();
      e = this.built({ type: "Conditional", test, consequent, alternate, start: this.span(test).start, end: this.span(alternate).end }, q, [test, consequent, alternate]);
    }
    this.nesting--;
    return e;
  }

  /** Levels 3–8 of §3.4.3, all left-associative. */
  private parseBinary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    const ops = BINARY_LEVELS[level];
    let left = this.parseBinary(level + 1);
    for (;;) {
      const t = this.peek();
      if ((t.type !== "punct" && t.type !== "ident") || !ops.has(t.value)) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      const base = { written: t.value, opStart: t.start, opEnd: t.end, left, right, start: this.span(left).start, end: this.span(right).end };
      left = level < LOGICAL_LEVELS
        ? this.built({ type: "Logical", operator: ops.get(t.value) as "&&" | "||", ...base }, t, [left, right])
        : this.built({ type: "Binary", operator: ops.get(t.value) as BinaryOperator, ...base }, t, [left, right]);
    }
  }

  /** Unary = ( "!" | "not" | "-" ) Unary | Postfix */
  private parseUnary(): Expr {
    const t = this.peek();
    if (this.isPunct("!", t) || this.isPunct("-", t) || (t.type === "ident" && t.value === "not")) {
      this.enter();
      this.next();
      const argument = this.parseUnary();
      this.nesting--;
      const operator = t.value === "-" ? "-" : "!";
      return this.built({ type: "Unary", operator, written: t.value, argument, start: t.start, end: this.span(argument).end }, t, [argument]);
    }
    return this.parsePostfix();
  }

  /** Postfix = Primary { "." IdentifierName | "[" Expression "]" }, plus PC1021 for calls on anything but a name. */
  private parsePostfix(): Expr {
    let e = this.parsePrimary();
    for (;;) {
      const t = this.peek();
      if (this.isPunct(".", t)) {
        this.next();
        const name = this.peek();
        if (name.type !== "ident") this.fail(name);
        this.next();
        if (FORBIDDEN.has(name.value)) this.forbidden(name.value, name.start, name.end);
        const property: Identifier = { type: "Identifier", name: name.value, start: name.start, end: name.end };
        e = this.built({ type: "Member", object: e, property, computed: false, start: this.span(e).start, end: name.end }, t, [e]);
      } else if (this.isPunct("[", t)) {
        this.next();
        const property = this.parseFilters();
        const close = this.expect("]");
        if (property.type === "Literal" && (typeof property.value === "string" || typeof property.value === "number") && FORBIDDEN.has(String(property.value))) {
          this.forbidden(String(property.value), property.start, property.end);
        }
        e = this.built({ type: "Member", object: e, property, computed: true, start: this.span(e).start, end: close.end }, t, [e, property]);
      } else if (this.isPunct("(", t)) {
        if (e.type === "Literal" || e.type === "Array" || e.type === "Object") this.fail(t);
        const callee = this.span(e);
        this.next();
        const { end } = this.parseList(")");
        this.errors.push({ code: "PC1021", message: methodCallMessage(this.source(callee.start, callee.end)), start: callee.start, end: callee.end });
        // The call is dropped from the tree (the callee stays) but its span grows, so a chained call names it whole.
        this.outer.set(e, { start: callee.start, end });
      } else {
        return e;
      }
    }
  }

  private forbidden(prop: string, start: number, end: number): void {
    this.errors.push({ code: "PC2006", message: forbiddenMessage(prop), start, end });
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case "number":
        this.next();
        return { type: "Literal", value: Number(t.value), start: t.start, end: t.end };
      case "string":
        this.next();
        return { type: "Literal", value: t.value, start: t.start, end: t.end };
      case "ident": {
        if (t.value === "true" || t.value === "false") { this.next(); return { type: "Literal", value: t.value === "true", start: t.start, end: t.end }; }
        if (t.value === "null") { this.next(); return { type: "Literal", value: null, start: t.start, end: t.end }; }
        if (RESERVED.has(t.value)) this.fail(t);
        this.next();
        const callee: Identifier = { type: "Identifier", name: t.value, start: t.start, end: t.end };
        if (!this.isPunct("(")) return callee;
        this.next();
        const { items: args, end } = this.parseList(")");
        return this.built({ type: "Call", callee, args, start: t.start, end }, t, args);
      }
      case "punct":
        if (t.value === "(") {
          this.next();
          const inner = this.parseFilters();
          const close = this.expect(")");
          this.outer.set(inner, { start: t.start, end: close.end });
          return inner;
        }
        if (t.value === "[") {
          this.next();
          const { items: elements, end } = this.parseList("]");
          return this.built<ArrayLit>({ type: "Array", elements, start: t.start, end }, t, elements);
        }
        if (t.value === "{") return this.parseObject();
        return this.fail(t);
      default:
        return this.fail(t);
    }
  }

  /** ArgList = Expression { "," Expression } [ "," ], after the opening bracket, up to and including `close`. */
  private parseList(close: string): { items: Expr[]; end: number } {
    const items: Expr[] = [];
    if (this.isPunct(close)) return { items, end: this.next().end };
    for (;;) {
      items.push(this.parseFilters());
      if (this.isPunct(",")) {
        this.next();
        if (this.isPunct(close)) return { items, end: this.next().end };
        continue;
      }
      return { items, end: this.expect(close).end };
    }
  }

  /** ObjectLiteral = "{" [ Property { "," Property } [ "," ] ] "}" */
  private parseObject(): Expr {
    const open = this.next();
    const properties: Property[] = [];
    while (!this.isPunct("}")) {
      const k = this.peek();
      if (k.type !== "ident" && k.type !== "string" && k.type !== "number") this.fail(k);
      this.next();
      const key = k.type === "number" ? String(Number(k.value)) : k.value;
      let value: Expr;
      let shorthand = false;
      if (this.isPunct(":")) {
        this.next();
        value = this.parseFilters();
      } else if (k.type === "ident" && !RESERVED.has(k.value)) {
        value = { type: "Identifier", name: k.value, start: k.start, end: k.end };
        shorthand = true;
      } else {
        value = this.expected(":");
      }
      if (FORBIDDEN.has(key)) this.forbidden(key, k.start, k.end);
      properties.push({ key, keyStart: k.start, keyEnd: k.end, value, shorthand, start: k.start, end: this.span(value).end });
      if (!this.isPunct(",")) break;
      this.next();
    }
    const close = this.expect("}");
    return this.built<ObjectLit>({ type: "Object", properties, start: open.start, end: close.end }, open, properties.map((p) => p.value));
  }
}
