// Server-side v-if / v-else-if / v-else chains (SPEC §3.10): finds chains among sibling elements of one directive
// body, carves each element (widened to its line when alone on it) into an IfNode with form "v-if".
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { IfBranch, IfNode, Node, ScriptBlock, TextNode } from "./ast.js";
import type { TagEvent } from "./html-tracker.js";
import type { Structure } from "./structure.js";
import type { Token } from "./tokens.js";
import type { Deletions } from "./whitespace.js";
import { Finder } from "./text-utils.js";
import { standaloneRange, templateEnd } from "./whitespace.js";
import { conditionSource, matchTags, reportClientDirectives, vAttrOf, vPreEvents, VOID_ELEMENTS, type VAttr } from "./v-if-attrs.js";

interface Member { ev: TagEvent; v: VAttr; endTag: TagEvent | null; xs: number; xe: number }

export function applyVIf(text: string, st: Structure, tokens: Token[], allEvents: TagEvent[], del: Deletions, rep: FileReporter): Node[] {
  const events = allEvents.filter((e) => !e.suppressed);
  assignSegments(events, tokens);
  const match = matchTags(events);
  const vpre = vPreEvents(events, match);
  reportClientDirectives(events, vpre, rep);
  const candidates = events.filter((e) => !vpre.has(e));
  const seen = new Map<TagEvent, VAttr | null>();
  const created = new Set<Node>();
  const tplEnd = templateEnd(text);
  const finder = new Finder(text);
  const scripts = [...st.scripts].sort((a, b) => a.span.start - b.span.start);

  const lowerBound = (x: number) => {
    let lo = 0, hi = candidates.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (candidates[mid].start < x) lo = mid + 1; else hi = mid; }
    return lo;
  };

  const extent = (ev: TagEvent, v: VAttr): Member | null => {
    let end = ev.end;
    let endTag: TagEvent | null = null;
    if (!ev.selfClosing && !VOID_ELEMENTS.has(ev.lower)) {
      const m = match.get(ev);
      if (!m || m.seg !== ev.seg) {
        rep.report({ code: "PC1031", message: `the \`<${ev.lower}>\` element with \`${v.attr.name}\` has no matching \`</${ev.lower}>\` in the same block`, start: ev.nameStart, end: ev.nameEnd });
        return null;
      }
      endTag = m;
      end = m.end;
    }
    const r = standaloneRange(text, ev.start, end, tplEnd) ?? { start: ev.start, end };
    return { ev, v, endTag, xs: r.start, xe: r.end };
  };

  /** The next start tag after `p` in the same body, when only whitespace and comments come between. */
  const nextSibling = (p: number, seg: number): TagEvent | null => {
    const i = lowerBound(p);
    const ev = candidates[i];
    if (!ev || ev.type !== "start" || ev.seg !== seg) return null;
    // Only whitespace and comments (template or HTML) may separate chain members; stop at anything else.
    for (let j = p; j < ev.start;) {
      const c = text.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) { j++; continue; }
      const [open, close] = text.startsWith("{{--", j) ? ["{{--", "--}}"] : text.startsWith("<!--", j) ? ["<!--", "-->"] : ["", ""];
      const at = open ? finder.indexOf(close, j + open.length) : -1;
      if (at < 0) return null;
      j = at + close.length;
    }
    return ev;
  };

  // Lists are processed from an explicit work stack (not recursion), so deeply nested pages cannot overflow.
  interface Work { nodes: Node[]; seg: number; owner: object | null; assign: (result: Node[]) => void }
  const work: Work[] = [];
  const processList = (nodes: Node[], seg: number, owner: object | null): Node[] => {
    if (nodes.length === 0) return nodes;
    const src = [...nodes];
    const out: Node[] = [];
    let k = 0;
    const take = (x: number): Node[] => {
      const got: Node[] = [];
      while (k < src.length) {
        const nd = src[k];
        if (nd.span.end <= x) { got.push(nd); k++; continue; }
        if (nd.span.start >= x) break;
        if (nd.kind === "text") {
          got.push({ kind: "text", span: { start: nd.span.start, end: x }, value: "" });
          src[k] = { kind: "text", span: { start: x, end: nd.span.end }, value: "" } satisfies TextNode;
        } else { got.push(nd); k++; }
        break;
      }
      return got;
    };
    const hi = nodes[nodes.length - 1].span.end;
    let cursor = nodes[0].span.start;
    for (let i = lowerBound(cursor); i < candidates.length && candidates[i].start < hi; i++) {
      const ev = candidates[i];
      if (ev.type !== "start" || ev.seg !== seg || ev.done || ev.start < cursor) continue;
      const v = vAttrOf(ev, text, rep, seen);
      if (!v) continue;
      ev.done = true;
      if (!v.ok) continue;
      if (v.kind !== "v-if") {
        rep.report({ code: "PC1030", message: `\`${v.attr.name}\` must directly follow an element with \`v-if\` or \`v-else-if\``, start: v.attr.nameStart, end: v.attr.nameEnd });
        continue;
      }
      const first = extent(ev, v);
      if (!first) continue;
      const members = [first];
      for (let last = first; last.v.kind !== "v-else";) {
        const next = nextSibling(last.endTag ? last.endTag.end : last.ev.end, seg);
        const nv = next && vAttrOf(next, text, rep, seen);
        if (!next || !nv || nv.kind === "v-if") break;
        next.done = true;
        const m = nv.ok ? extent(next, nv) : null;
        if (!m) break;
        members.push((last = m));
      }
      out.push(...take(first.xs));
      const bodies: Node[][] = [];
      const gaps: Node[][] = [];
      members.forEach((m, j) => {
        if (j > 0) gaps.push(take(m.xs));
        bodies.push(take(m.xe));
      });
      const node: IfNode = { kind: "if", span: { start: first.xs, end: members[members.length - 1].xe }, branches: [], form: "v-if" };
      // Each branch repeats the (whitespace-only) gaps around its element, which is quadratic in the chain length.
      // Beyond a few thousand repeated gap lists, the gaps are output once after the chain instead.
      const gapCount = gaps.reduce((k, g) => k + (g.length > 0 ? 1 : 0), 0);
      const inline = gapCount > 0 && gapCount * members.length <= 4096;
      members.forEach((m, j) => {
        const a = m.v.attr;
        const ws = /\s/.test(text[a.nameStart - 1] ?? "");
        del.add(ws ? a.nameStart - 1 : a.nameStart, a.end);
        if (m.ev.lower === "template") { del.add(m.ev.start, m.ev.end); if (m.endTag) del.add(m.endTag.start, m.endTag.end); }
        const branch: IfBranch = {
          cond: m.v.kind === "v-else" ? null : conditionSource(text, a.valueStart, a.valueEnd),
          span: { start: a.nameStart, end: a.end },
          body: [],
        };
        markScripts(scripts, st.ownerOfScript, m.xs, m.xe, owner, branch);
        const before = inline ? gaps.slice(0, j).flat() : [], after = inline ? gaps.slice(j).flat() : [];
        work.push({ nodes: bodies[j], seg, owner: branch, assign: (res) => { branch.body = [...before, ...res, ...after]; } });
        node.branches.push(branch);
      });
      if (inline && members[members.length - 1].v.kind !== "v-else") {
        node.branches.push({ cond: null, span: { start: node.span.end, end: node.span.end }, body: gaps.flat() });
      }
      created.add(node);
      out.push(node);
      if (!inline) out.push(...gaps.flat());
      cursor = node.span.end;
    }
    out.push(...src.slice(k));
    for (const n of out) {
      if (created.has(n)) continue;
      const child = (body: Node[], assign: (r: Node[]) => void) => work.push({ nodes: body, seg: st.segOf.get(body) ?? -1, owner: st.ownerOfList.get(body) ?? null, assign });
      if (n.kind === "if") for (const b of n.branches) child(b.body, (r) => { b.body = r; });
      else if (n.kind === "foreach" || n.kind === "block") child(n.body, (r) => { n.body = r; });
    }
    return out;
  };

  let result: Node[] = st.nodes;
  work.push({ nodes: st.nodes, seg: st.segOf.get(st.nodes) ?? 0, owner: null, assign: (r) => { result = r; } });
  for (let w = work.pop(); w; w = work.pop()) w.assign(processList(w.nodes, w.seg, w.owner));
  return result;
}

/** Gives each tag event the directive body of the text token its `<` sits in. */
function assignSegments(events: TagEvent[], tokens: Token[]): void {
  const texts = tokens.filter((t): t is Extract<Token, { t: "text" }> => t.t === "text");
  let j = 0;
  for (const e of events) {
    while (j < texts.length && texts[j].end <= e.start) j++;
    e.seg = j < texts.length && texts[j].start <= e.start ? texts[j].seg : -1;
  }
}

/** Backend scripts inside a v-if element whose innermost construct was the element's own body now report "v-if". */
function markScripts(scripts: ScriptBlock[], ownerOf: Map<ScriptBlock, object | null>, xs: number, xe: number, owner: object | null, branch: object): void {
  let lo = 0, hi = scripts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (scripts[mid].span.start < xs) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < scripts.length && scripts[i].span.start < xe; i++) {
    const s = scripts[i];
    if ((ownerOf.get(s) ?? null) !== owner) continue;
    s.insideConditional = "v-if";
    ownerOf.set(s, branch);
  }
}
