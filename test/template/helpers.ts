// Test helpers: parse shortcuts, compact diagnostic strings ("PC1001 25:4") and a tiny reference renderer
// that evaluates expressions with JavaScript (tests only), so expected bodies from SPEC §3.3 and §10 can be checked.
import { parseTemplate } from "../../compiler/template/index.js";
import type { BlockNode, Node, TemplateAst } from "../../compiler/template/ast.js";

export function parse(text: string, kind: "page" | "component" = "page") {
  return parseTemplate(text, { file: "pages/t.ef", kind });
}

/** "CODE line:col" for every diagnostic, in order. */
export function diags(text: string, kind: "page" | "component" = "page"): string[] {
  return parse(text, kind).diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`);
}

export function codes(text: string, kind: "page" | "component" = "page"): string[] {
  return parse(text, kind).diagnostics.map((d) => d.code);
}

type Scope = Record<string, unknown>;

function evaluate(expr: string, scope: Scope): unknown {
  const key = expr.trim();
  if (key in scope) return scope[key];
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const js = key.replace(/\bvar\./g, "__var.");
  return new Function("scope", `with (scope) { return (${js}); }`)(Object.assign(Object.create(scope), { __var: scope.var }));
}

export interface RenderOptions {
  components?: Record<string, string>;
  /** Block overrides by name (a child page's top-level blocks). */
  blocks?: Map<string, Node[]>;
}

export function renderNodes(nodes: Node[], scope: Scope, opts: RenderOptions = {}): string {
  let out = "";
  for (const n of nodes) {
    switch (n.kind) {
      case "text": out += n.value; break;
      case "output": out += String(evaluate(n.expr.text, scope) ?? ""); break;
      case "if": {
        const b = n.branches.find((br) => br.cond === null || evaluate(br.cond.text, scope));
        if (b) out += renderNodes(b.body, scope, opts);
        break;
      }
      case "foreach": {
        const items = evaluate(n.iterable.text, scope) as unknown[];
        items.forEach((it, i) => {
          const inner: Scope = Object.create(scope);
          inner[n.item.name] = it;
          if (n.key) inner[n.key.name] = i;
          inner.loop = { index: i, first: i === 0, last: i === items.length - 1, count: items.length };
          out += renderNodes(n.body, inner, opts);
        });
        break;
      }
      case "set": scope[n.name] = evaluate(n.value.text, scope); break;
      case "component": out += opts.components?.[n.code] ?? `[${n.code}]`; break;
      case "block": out += renderNodes(opts.blocks?.get(n.name) ?? n.body, scope, opts); break;
      case "yield": out += opts.blocks?.get(n.name) ? renderNodes(opts.blocks.get(n.name)!, scope, opts) : ""; break;
      case "session-item": break;
    }
  }
  return out;
}

export function render(text: string, scope: Scope = {}, opts: RenderOptions = {}): string {
  return renderNodes(parse(text).ast.nodes, scope, opts);
}

export function topBlocks(ast: TemplateAst): Map<string, Node[]> {
  const m = new Map<string, Node[]>();
  for (const n of ast.nodes) if (n.kind === "block") m.set((n as BlockNode).name, n.body);
  return m;
}
