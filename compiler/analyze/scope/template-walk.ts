// Walks a template's directive tree with its loop scopes (SPEC §3.6 level 1), handing every expression to a
// visitor together with the loop variables around it. Iterative, with one shared scope map updated on entry and
// exit, so deep nesting neither overflows the stack nor costs more than linear time.
import { parseExpression } from "../../expr/index.js";
import type { Expr } from "../../expr/ast.js";
import type { ExprSource, ForeachNode, Node } from "../../template/ast.js";
import type { ParsedTemplate } from "../template-graph.js";

export interface LoopVar { name: string; start: number; end: number }

/** The loop variables visible at a point: innermost binding per name. */
export class LoopScope {
  private readonly bound = new Map<string, LoopVar[]>();
  lookup(name: string): LoopVar | undefined {
    const list = this.bound.get(name);
    return list && list.length ? list[list.length - 1] : undefined;
  }
  names(): string[] {
    return [...this.bound].filter(([, l]) => l.length > 0).map(([n]) => n);
  }
  push(v: LoopVar): void {
    const list = this.bound.get(v.name);
    if (list) list.push(v); else this.bound.set(v.name, [v]);
  }
  pop(name: string): void {
    this.bound.get(name)?.pop();
  }
}

export interface ExprVisit { source: ExprSource; expr: Expr; loops: LoopScope; node: Node }

export interface TemplateVisitor {
  expression?(v: ExprVisit): void;
  /** Called with the loop variables around the directive, before its own are bound. */
  foreach?(node: ForeachNode, outer: LoopScope): void;
  node?(node: Node): void;
}

/** Parsed expressions per template, keyed by the source offset (one parse per expression per run). */
export class ExpressionCache {
  private readonly byFile = new Map<string, Map<number, Expr | null>>();
  get(t: ParsedTemplate, src: ExprSource): Expr | null {
    // The expression checks of the pipeline already parsed most expressions.
    const known = t.exprs?.get(src.start);
    if (known !== undefined) return known;
    let m = this.byFile.get(t.file);
    if (!m) { m = new Map(); this.byFile.set(t.file, m); }
    if (!m.has(src.start)) m.set(src.start, src.text.trim() === "" ? null : parseExpression(src.text, src.start).expr);
    return m.get(src.start) ?? null;
  }
}

/** One visitor that calls several, so several per-file checks share a single walk. */
export function combineVisitors(list: TemplateVisitor[]): TemplateVisitor {
  const expression = list.filter((v) => v.expression);
  const foreach = list.filter((v) => v.foreach);
  const node = list.filter((v) => v.node);
  return {
    expression: expression.length ? (x) => { for (const v of expression) v.expression!(x); } : undefined,
    foreach: foreach.length ? (n, outer) => { for (const v of foreach) v.foreach!(n, outer); } : undefined,
    node: node.length ? (n) => { for (const v of node) v.node!(n); } : undefined,
  };
}

type Frame = { nodes: Node[]; i: number; exit: LoopVar[] };

export function walkTemplate(t: ParsedTemplate, cache: ExpressionCache, v: TemplateVisitor): void {
  const loops = new LoopScope();
  const expr = (source: ExprSource | null, node: Node) => {
    if (!source || !v.expression) return;
    const e = cache.get(t, source);
    if (e) v.expression({ source, expr: e, loops, node });
  };
  const stack: Frame[] = [{ nodes: t.ast.nodes, i: 0, exit: [] }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.nodes.length) {
      stack.pop();
      for (const l of top.exit) loops.pop(l.name);
      continue;
    }
    const n = top.nodes[top.i++];
    v.node?.(n);
    switch (n.kind) {
      case "output": expr(n.expr, n); break;
      case "if":
        for (const b of n.branches) expr(b.cond, n);
        for (let i = n.branches.length - 1; i >= 0; i--) stack.push({ nodes: n.branches[i].body, i: 0, exit: [] });
        break;
      case "foreach": {
        expr(n.iterable, n);
        v.foreach?.(n, loops);
        const bound: LoopVar[] = [{ name: "loop", start: n.span.start, end: n.span.start }];
        if (n.item.name) bound.push({ name: n.item.name, ...n.item.span });
        if (n.key?.name) bound.push({ name: n.key.name, ...n.key.span });
        for (const l of bound) loops.push(l);
        stack.push({ nodes: n.body, i: 0, exit: bound });
        break;
      }
      case "set": expr(n.value, n); break;
      case "component": expr(n.args, n); break;
      case "block": stack.push({ nodes: n.body, i: 0, exit: [] }); break;
      case "session-item": expr(n.key, n); expr(n.value, n); break;
      default: break;
    }
  }
}

/** Records every `@set` name with the offset of its first assignment, in document order. */
export function setNamesVisitor(out: Map<string, number>): TemplateVisitor {
  return {
    node(n) {
      if (n.kind === "set" && n.name && !out.has(n.name)) out.set(n.name, n.nameSpan.start);
    },
  };
}
