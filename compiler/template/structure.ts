// Builds the directive tree from the token stream (SPEC §3.2.2): block nesting with the PC1010/PC1011
// recovery, @elseif/@else checks (PC1012/PC1013), argument splitting (PC1018) and @extends placement (PC1040).
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { BlockNode, ExtendsDirective, ForeachNode, IfNode, Node, ScriptBlock, Span } from "./ast.js";
import type { Token } from "./tokens.js";
import { componentArgs, expressionArg, foreachArgs, nameArg, sessionArgs, setArgs, slugArg, type ArgResult } from "./directive-args.js";
import { assembleChain, type ChainLists } from "./v-if-tokens.js";

type DirToken = Extract<Token, { t: "dir" }>;
type VifToken = Extract<Token, { t: "vif" }>;
interface Frame {
  kind: "if" | "foreach" | "block" | "vif";
  node: IfNode | ForeachNode | BlockNode;
  /** The opening directive (null for v-if chains, which are never left open). */
  tok: DirToken | null;
  list: Node[];
  sawElse: boolean;
  /** The innermost @if/@foreach/v-if frame at or below this one (blocks do not count for PC1053). */
  cond: Frame | null;
  /** Member bodies and gaps of a v-if chain. */
  chain?: ChainLists;
}

export interface Structure {
  nodes: Node[];
  scripts: ScriptBlock[];
  extends: ExtendsDirective | null;
  /** The opening directive of each @block node (for PC1042). */
  blockDirective: Map<BlockNode, Span>;
}

const CLOSERS: Record<string, Frame["kind"]> = { endif: "if", endforeach: "foreach", endblock: "block" };

export function buildStructure(text: string, tokens: Token[], rep: FileReporter): Structure {
  const segOf = new Map<Node[], number>();
  const blockDirective = new Map<BlockNode, Span>();
  const scripts: ScriptBlock[] = [];
  let extendsDir: ExtendsDirective | null = null;
  let sawContent = false;
  let extendsCount = 0;
  let inVerbatim = false;
  const stack: Frame[] = [];
  const newList = (): Node[] => { const l: Node[] = []; segOf.set(l, segOf.size); return l; };
  const root = newList();
  let cur = root;

  const arg = <T>(tok: DirToken, r: ArgResult<T>): T | null => {
    if (r.ok) return r.value;
    const a = tok.args!;
    rep.report({ code: "PC1018", message: `invalid arguments for \`@${tok.name}\`: ${r.detail}`, start: a.start, end: a.start + a.text.length });
    return null;
  };
  const close = (f: Frame, end: number) => {
    f.node.span.end = end;
    stack.pop();
    cur = stack.length ? stack[stack.length - 1].list : root;
  };
  const unclosed = (f: Frame) => {
    if (!f.tok) return;
    const name = f.tok.name;
    rep.report({ code: "PC1010", message: `\`@${name}\` is never closed; add \`@end${name}\``, start: f.tok.start, end: f.tok.nameEnd });
  };
  const open = (kind: Frame["kind"], node: IfNode | ForeachNode | BlockNode, tok: DirToken | null, list: Node[]): Frame => {
    cur.push(node);
    const below = stack.length ? stack[stack.length - 1].cond : null;
    const frame: Frame = { kind, node, tok, list, sawElse: false, cond: null };
    frame.cond = kind === "block" ? below : frame;
    stack.push(frame);
    cur = list;
    return frame;
  };
  /** v-if chain boundaries planned by v-if.ts: members and gaps become lists, assembled at the chain's end. */
  const chainToken = (tok: VifToken) => {
    if (tok.op === "open") {
      const node: IfNode = { kind: "if", span: { start: tok.start, end: tok.start }, branches: [], form: "v-if" };
      const body = newList();
      open("vif", node, null, body).chain = { bodies: [body], gaps: [] };
      return;
    }
    let k = stack.length - 1;
    while (k >= 0 && stack[k].kind !== "vif") k--;
    if (k < 0) return;
    while (stack.length - 1 > k) close(stack[stack.length - 1], tok.start);
    const f = stack[k];
    const lists = f.chain!;
    if (tok.op === "close") {
      const after = assembleChain(f.node as IfNode, tok.chain, lists);
      close(f, tok.start);
      for (const n of after) cur.push(n);
      return;
    }
    const list = newList();
    (tok.op === "gap" ? lists.gaps : lists.bodies).push(list);
    f.list = list;
    cur = list;
  };

  for (const tok of tokens) {
    if (tok.t === "text") {
      tok.seg = segOf.get(cur)!;
      cur.push({ kind: "text", span: { start: tok.start, end: tok.end }, value: "" });
      if (text.slice(tok.start, tok.end).trim() !== "") sawContent = true;
      continue;
    }
    if (tok.t === "output") {
      cur.push({ kind: "output", span: { start: tok.start, end: tok.end }, delim: tok.delim, expr: tok.expr, context: tok.context });
      sawContent = true;
      continue;
    }
    if (tok.t === "script") {
      scripts.push(tok.block);
      const f = stack.length ? stack[stack.length - 1].cond : null;
      tok.block.insideConditional = f ? (f.kind === "vif" ? "v-if" : `@${f.kind}`) : null;
      continue;
    }
    if (tok.t === "vif") { chainToken(tok); continue; }
    if (tok.t !== "dir") continue;
    const span = { start: tok.start, end: tok.end };
    const name = tok.name;
    const top = stack[stack.length - 1];
    if (name === "extends") {
      const v = arg(tok, slugArg(tok.args!));
      extendsCount++;
      if (sawContent || extendsCount > 1) rep.report({ code: "PC1040", message: "`@extends` must come before any other content and may appear only once", start: tok.start, end: tok.end });
      if (v && !extendsDir) extendsDir = { span, slug: v.slug, slugSpan: v.slugSpan };
      continue;
    }
    if (name !== "verbatim" && name !== "endverbatim") sawContent = true;
    switch (name) {
      case "if": {
        const cond = arg(tok, expressionArg(tok.args!)) ?? { text: "", start: tok.args!.start };
        const node: IfNode = { kind: "if", span: { ...span }, branches: [], form: "directive" };
        const body = newList();
        node.branches.push({ cond, span, body });
        open("if", node, tok, body);
        break;
      }
      case "elseif": case "else": {
        if (!top || top.kind !== "if") {
          rep.report({ code: "PC1012", message: `\`@${name}\` is only allowed inside an \`@if\` block`, start: tok.start, end: tok.end });
          break;
        }
        if (top.sawElse) rep.report({ code: "PC1013", message: `\`@${name}\` cannot follow \`@else\` in the same \`@if\` block`, start: tok.start, end: tok.end });
        const node = top.node as IfNode;
        const cond = name === "else" ? null : arg(tok, expressionArg(tok.args!)) ?? { text: "", start: tok.args!.start };
        if (name === "else") top.sawElse = true;
        const body = newList();
        node.branches.push({ cond, span, body });
        top.list = body;
        cur = body;
        break;
      }
      case "foreach": {
        const head = arg(tok, foreachArgs(tok.args!));
        const node: ForeachNode = {
          kind: "foreach", span: { ...span },
          item: head?.item ?? { name: "", span: { start: tok.args!.start, end: tok.args!.start } },
          key: head?.key ?? null,
          iterable: head?.iterable ?? { text: "", start: tok.args!.start },
          body: [],
        };
        node.body = newList();
        open("foreach", node, tok, node.body);
        break;
      }
      case "block": {
        const v = arg(tok, nameArg(tok.args!));
        const node: BlockNode = { kind: "block", span: { ...span }, name: v?.name ?? "", nameSpan: v?.nameSpan ?? { start: tok.args!.start, end: tok.args!.start }, body: [] };
        node.body = newList();
        blockDirective.set(node, span);
        open("block", node, tok, node.body);
        break;
      }
      case "endif": case "endforeach": case "endblock": {
        const kind = CLOSERS[name];
        // A v-if element's range is balanced by construction; never close through it.
        let k = stack.length - 1;
        while (k >= 0 && stack[k].kind !== kind && stack[k].kind !== "vif") k--;
        if (k < 0 || stack[k].kind === "vif") {
          rep.report({ code: "PC1011", message: `\`@${name}\` has no matching \`@${kind}\``, start: tok.start, end: tok.end });
          break;
        }
        while (stack.length - 1 > k) { const f = stack[stack.length - 1]; unclosed(f); close(f, tok.start); }
        close(stack[k], tok.end);
        break;
      }
      case "endverbatim":
        if (inVerbatim) { inVerbatim = false; break; }
        rep.report({ code: "PC1011", message: "`@endverbatim` has no matching `@verbatim`", start: tok.start, end: tok.end });
        break;
      case "verbatim":
        inVerbatim = true;
        break;
      case "set": {
        const v = arg(tok, setArgs(tok.args!));
        if (v) cur.push({ kind: "set", span, name: v.name, nameSpan: v.nameSpan, value: v.value });
        break;
      }
      case "component": {
        const v = arg(tok, componentArgs(tok.args!));
        if (v) cur.push({ kind: "component", span, code: v.code, codeSpan: v.codeSpan, args: v.args });
        break;
      }
      case "yield": {
        const v = arg(tok, nameArg(tok.args!));
        if (v) cur.push({ kind: "yield", span, name: v.name, nameSpan: v.nameSpan });
        break;
      }
      case "setSessionItem": case "clearSessionItem": {
        const op = name === "setSessionItem" ? "set" : "clear";
        const v = arg(tok, sessionArgs(tok.args!, op));
        if (v) cur.push({ kind: "session-item", span, op, key: v.key, value: v.value });
        break;
      }
    }
  }
  while (stack.length) { const f = stack[stack.length - 1]; unclosed(f); close(f, text.length); }
  return { nodes: root, scripts, extends: extendsDir, blockDirective };
}
