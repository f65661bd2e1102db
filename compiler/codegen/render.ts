// Render code generation: template AST (+ layout chain and components) → one render module, a classic-script
// expression `(function ($lib) { …; return { render, meta }; })`. Names are resolved at compile time (loop
// variables and @set locals become JS locals, built-ins read `$in`), so there is no `with` and no lookup at run time.
import { parseExpression, compileExpression, isRawOutput, stripTrailingRaw, visitIdentifiers } from "../expr/index.js";
import type { Expr, Identifier } from "../expr/ast.js";
import type { BlockNode, ExprSource, Node, TemplateAst } from "../template/ast.js";
import { BUILTIN_NAMES } from "../prelude/template-lib/manifest.js";
import { Emitter, type SourceFile } from "./emitter.js";

export interface TemplateUnit { src: SourceFile; ast: TemplateAst }
export interface RenderInput {
  page: TemplateUnit;
  /** The layouts the page extends, nearest first (page → layout → layout's layout …). */
  layouts: TemplateUnit[];
  component(code: string): TemplateUnit | null;
  /** Checked every 256 loop iterations so a huge render can be stopped (renderWallMs, maxOutputBytes). */
  tickEvery?: number;
}
export interface RenderModule { code: string; map: string }

const BUILTINS = new Set(BUILTIN_NAMES);
export const FILE_STRIDE = 2 ** 24;
const JS_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

interface Scope {
  src: SourceFile;
  /** Loop variable frames, innermost last: template name → JS name. */
  loops: Map<string, string>[];
  /** @set names of this template function → JS name. */
  locals: Map<string, string>;
  isComponent: boolean;
}

class RenderGenerator {
  readonly em = new Emitter("render.js");
  private components = new Map<string, string>();
  private pendingComponents: { code: string; fn: string; unit: TemplateUnit }[] = [];
  private uid = 0;
  private files: string[] = [];

  constructor(private input: RenderInput) {}

  fileIndex(file: string): number {
    let i = this.files.indexOf(file);
    if (i < 0) { i = this.files.length; this.files.push(file); }
    return i;
  }

  generate(): RenderModule {
    const em = this.em;
    em.line("(function ($lib) {");
    em.line('"use strict";');
    em.line("const $get = $lib.get, $prop = $lib.prop, $f = $lib.filters, $out = $lib.out, $text = $lib.toText, $esc = $lib.escapeHtml, $url = $lib.safeUrl, $keys = $lib.loopKeys, $args = $lib.componentScope;");
    const chain = [this.input.page, ...this.input.layouts];
    for (const u of chain) this.units.set(u.src.file, u);
    const root = chain[chain.length - 1];
    const locals = new Map<string, string>();
    for (const u of chain) collectSets(u.ast.nodes, locals);
    em.open("function render($in, $rt) {");
    this.prologue(locals, false);
    const scope: Scope = { src: root.src, loops: [], locals, isComponent: false };
    this.emitNodes(root.ast.nodes, scope, { chain, level: chain.length - 1 });
    em.line("return $o;");
    em.close();
    while (this.pendingComponents.length) {
      const c = this.pendingComponents.shift()!;
      this.emitComponent(c.fn, c.unit);
    }
    const meta = { files: this.files, lines: this.files.map((f) => this.lineStartsOf(f)) };
    em.line(`return { render, meta: ${JSON.stringify(meta)} };`);
    em.line("})");
    return { code: em.code() + "\n", map: this.em.map.toString() };
  }

  private lineStartsOf(file: string): number[] {
    return this.units.get(file)?.src.lines.starts ?? [0];
  }
  private units = new Map<string, TemplateUnit>();

  private prologue(locals: Map<string, string>, component: boolean) {
    const em = this.em;
    em.line(`const $call = $rt.call, $tick = $rt.tick;`);
    em.line(`let $o = "";`);
    for (const [name, js] of locals) em.line(component ? `let ${js} = $A[${JSON.stringify(name)}];` : `let ${js};`);
  }

  private emitComponent(fn: string, unit: TemplateUnit) {
    const em = this.em;
    const locals = new Map<string, string>();
    collectSets(unit.ast.nodes, locals);
    em.open(`function ${fn}($in, $rt, $arg) {`, unit.src, 0);
    em.line(`const $A = $args($arg, $rt);`);
    this.prologue(locals, true);
    this.emitNodes(unit.ast.nodes, { src: unit.src, loops: [], locals, isComponent: true }, null);
    em.line("return $o;");
    em.close();
  }

  /** Each expression is parsed once per generation (usesLoop and emission share it). */
  private parsed = new Map<ExprSource, Expr | null>();
  private parse(source: ExprSource, file: string): Expr | null {
    let e = this.parsed.get(source);
    if (e === undefined) {
      // Offsets carry the file index above bit 24 (files are ≤ 1 MiB), so a template-function call's position
      // names its file: the runtime logs failures as file:line:col using meta.lines.
      e = parseExpression(source.text, this.fileIndex(file) * FILE_STRIDE + source.start).expr;
      this.parsed.set(source, e);
    }
    return e;
  }

  private expr(source: ExprSource, scope: Scope): { js: string; expr: Expr } | null {
    const expr = this.parse(source, scope.src.file);
    if (!expr) return null;
    return { js: compileExpression(expr, (id) => this.resolve(id, scope)), expr };
  }

  private resolve(id: Identifier, scope: Scope): string {
    for (let i = scope.loops.length - 1; i >= 0; i--) {
      const js = scope.loops[i].get(id.name);
      if (js) return js;
    }
    const local = scope.locals.get(id.name);
    if (local) return local;
    if (BUILTINS.has(id.name)) return `$in.${id.name}`;
    if (scope.isComponent) return `$A[${JSON.stringify(id.name)}]`;
    return "undefined";
  }


  emitNodes(nodes: Node[], scope: Scope, layout: { chain: TemplateUnit[]; level: number } | null) {
    const em = this.em;
    for (const node of nodes) {
      switch (node.kind) {
        case "text":
          em.text(node.value, scope.src, node.span.start);
          break;
        case "output": {
          const r = this.expr(node.expr, scope);
          if (!r) break;
          const raw = isRawOutput(r.expr);
          const js = (raw ? compileExpression(stripTrailingRaw(r.expr), (id) => this.resolve(id, scope)) : r.js);
          const ctx = node.context;
          const url = ctx.kind === "attr" && ctx.url && ctx.first;
          const value = url ? (raw ? `$url($text(${js}))` : `$esc($url($text(${js})))`) : raw ? `$text(${js})` : `$out(${js})`;
          em.line(`$o += ${value};`, scope.src, node.span.start);
          break;
        }
        case "if": {
          node.branches.forEach((b, i) => {
            const cond = b.cond ? this.expr(b.cond, scope) : null;
            const head = b.cond ? `if (${cond ? (cond.js) : "false"}) {` : "{";
            if (i === 0) em.open(head, scope.src, b.span.start);
            else em.reopen(`} else ${head}`, scope.src, b.span.start);
            this.emitNodes(b.body, scope, layout);
          });
          em.close();
          break;
        }
        case "foreach": this.emitForeach(node, scope, layout); break;
        case "set": {
          const r = this.expr(node.value, scope);
          const js = scope.locals.get(node.name);
          if (r && js) em.line(`${js} = ${(r.js)};`, scope.src, node.span.start);
          break;
        }
        case "component": {
          const unit = this.input.component(node.code);
          if (!unit) break;
          let fn = this.components.get(node.code);
          if (!fn) {
            fn = `$c${this.components.size}_${node.code.replace(/[^A-Za-z0-9_]/g, "_")}`;
            this.components.set(node.code, fn);
            this.units.set(unit.src.file, unit);
            this.pendingComponents.push({ code: node.code, fn, unit });
          }
          const args = node.args ? this.expr(node.args, scope) : null;
          em.line(`$o += ${fn}($in, $rt, ${args ? (args.js) : "undefined"});`, scope.src, node.span.start);
          break;
        }
        case "block":
        case "yield": this.emitBlock(node, scope, layout); break;
        case "session-item": {
          const key = this.expr(node.key, scope);
          if (!key) break;
          if (node.op === "clear") em.line(`$rt.clearItem(${(key.js)});`, scope.src, node.span.start);
          else {
            const v = node.value ? this.expr(node.value, scope) : null;
            em.line(`$rt.setItem(${(key.js)}, ${v ? (v.js) : "undefined"});`, scope.src, node.span.start);
          }
          break;
        }
      }
    }
  }

  private emitForeach(node: Extract<Node, { kind: "foreach" }>, scope: Scope, layout: { chain: TemplateUnit[]; level: number } | null) {
    const em = this.em;
    const it = this.expr(node.iterable, scope);
    const d = this.uid++;
    const frame = new Map<string, string>();
    const item = `l${d}_${safe(node.item.name)}`;
    frame.set(node.item.name, item);
    const key = node.key ? `l${d}_${safe(node.key.name)}` : null;
    if (node.key && key) frame.set(node.key.name, key);
    const usesLoop = bodyUsesLoop(node.body, (src) => this.parse(src, scope.src.file));
    if (usesLoop) frame.set("loop", `l${d}_loop`);
    const c = `$c${d}`, k = `$k${d}`, i = `$i${d}`, n = `$n${d}`;
    em.open("{", scope.src, node.span.start);
    em.line(`const ${c} = ${it ? (it.js) : "undefined"}, ${k} = $keys(${c}), ${n} = ${k} === null ? ${c}.length : ${k}.length;`);
    em.open(`for (let ${i} = 0; ${i} < ${n}; ${i}++) {`);
    em.line(`const ${item} = ${k} === null ? ${c}[${i}] : ${c}[${k}[${i}]];`);
    if (key) em.line(`const ${key} = ${k} === null ? ${i} : ${k}[${i}];`);
    if (usesLoop) em.line(`const l${d}_loop = { index: ${i}, first: ${i} === 0, last: ${i} === ${n} - 1, count: ${n} };`);
    em.line(`if ((${i} & ${(this.input.tickEvery ?? 256) - 1}) === 0) $tick($o.length);`);
    this.emitNodes(node.body, { ...scope, loops: [...scope.loops, frame] }, layout);
    em.close();
    em.close();
  }

  /** @block / @yield: the override from the most derived template below `level` that defines it, else the default. */
  private emitBlock(node: BlockNode | Extract<Node, { kind: "yield" }>, scope: Scope, layout: { chain: TemplateUnit[]; level: number } | null) {
    if (layout) {
      for (let lvl = 0; lvl < layout.level; lvl++) {
        const def = topLevelBlocks(layout.chain[lvl].ast.nodes).get(node.name);
        if (def) {
          this.emitNodes(def.body, { ...scope, src: layout.chain[lvl].src }, { chain: layout.chain, level: lvl });
          return;
        }
      }
    }
    if (node.kind === "block") this.emitNodes(node.body, scope, layout);
  }
}

function safe(name: string): string { return JS_NAME.test(name) ? name : "v"; }

function collectSets(nodes: Node[], out: Map<string, string>) {
  for (const n of nodes) {
    if (n.kind === "set" && !out.has(n.name)) out.set(n.name, `s_${safe(n.name)}`);
    for (const child of childLists(n)) collectSets(child, out);
  }
}

function childLists(n: Node): Node[][] {
  switch (n.kind) {
    case "if": return n.branches.map((b) => b.body);
    case "foreach": case "block": return [n.body];
    default: return [];
  }
}

function topLevelBlocks(nodes: Node[]): Map<string, BlockNode> {
  const m = new Map<string, BlockNode>();
  for (const n of nodes) if (n.kind === "block" && !m.has(n.name)) m.set(n.name, n);
  return m;
}

/** Does the loop body read `loop`? Nested loops rebind it, so their bodies are not searched. */
function bodyUsesLoop(nodes: Node[], parse: (src: ExprSource) => Expr | null): boolean {
  const inExpr = (src: ExprSource | null) => {
    if (!src || !src.text.includes("loop")) return false;
    const expr = parse(src);
    let found = false;
    if (expr) visitIdentifiers(expr, (id: Identifier) => { if (id.name === "loop") found = true; });
    return found;
  };
  for (const n of nodes) {
    switch (n.kind) {
      case "output": if (inExpr(n.expr)) return true; break;
      case "set": if (inExpr(n.value)) return true; break;
      case "component": if (inExpr(n.args)) return true; break;
      case "session-item": if (inExpr(n.key) || inExpr(n.value)) return true; break;
      case "if": for (const b of n.branches) if (inExpr(b.cond) || bodyUsesLoop(b.body, parse)) return true; break;
      case "foreach": if (inExpr(n.iterable)) return true; break;
      case "block": if (bodyUsesLoop(n.body, parse)) return true; break;
    }
  }
  return false;
}

export function generateRender(input: RenderInput): RenderModule {
  return new RenderGenerator(input).generate();
}
