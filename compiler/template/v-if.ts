// Server-side v-if / v-else-if / v-else chains (SPEC §3.10): finds chains among sibling elements of one directive
// body and plans each member's extent (widened to its line when alone on it). The structure builder then turns
// the planned boundaries into IfNodes with form "v-if" in one linear pass (see v-if-tokens.ts).
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { ExprSource, Span } from "./ast.js";
import type { TagEvent } from "./html-tracker.js";
import type { Token } from "./tokens.js";
import type { Deletions } from "./whitespace.js";
import { Finder } from "./text-utils.js";
import { standaloneRange, templateEnd } from "./whitespace.js";
import { conditionSource, matchTags, reportClientDirectives, vAttrOf, vPreEvents, VOID_ELEMENTS, type VAttr } from "./v-if-attrs.js";

export interface ChainMember {
  /** null for v-else. */
  cond: ExprSource | null;
  /** The v-* attribute. */
  attrSpan: Span;
  /** The element, widened over its line(s) when it is alone on them. */
  xs: number;
  xe: number;
}
export interface Chain { members: ChainMember[] }

interface Found { ev: TagEvent; v: VAttr; endTag: TagEvent | null; xs: number; xe: number }

/**
 * Finds every chain (reporting PC1030–PC1034 and PC1033) and records the deletions for kept elements: the v-*
 * attribute with the whitespace character before it, and the tags of a `<template>` wrapper.
 * `tokens` must carry directive-body ids in their `seg` (set by a first structure pass).
 */
export function planVIf(text: string, tokens: Token[], allEvents: TagEvent[], del: Deletions, rep: FileReporter): Chain[] {
  const events = allEvents.filter((e) => !e.suppressed);
  assignSegments(events, tokens);
  const match = matchTags(events);
  const vpre = vPreEvents(events, match);
  reportClientDirectives(events, vpre, rep);
  const candidates = events.filter((e) => !vpre.has(e));
  const seen = new Map<TagEvent, VAttr | null>();
  const tplEnd = templateEnd(text);
  const finder = new Finder(text);
  const chains: Chain[] = [];

  const lowerBound = (x: number) => {
    let lo = 0, hi = candidates.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (candidates[mid].start < x) lo = mid + 1; else hi = mid; }
    return lo;
  };

  const extent = (ev: TagEvent, v: VAttr): Found | null => {
    let end = ev.end;
    let endTag: TagEvent | null = null;
    if (!ev.selfClosing && !VOID_ELEMENTS.has(ev.lower)) {
      const m = match.get(ev);
      if (!m || m.seg !== ev.seg || ev.seg < 0) {
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
    const ev = candidates[lowerBound(p)];
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

  for (const ev of candidates) {
    if (ev.type !== "start" || ev.done) continue;
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
    const found = [first];
    for (let last = first; last.v.kind !== "v-else";) {
      const next = nextSibling(last.endTag ? last.endTag.end : last.ev.end, ev.seg);
      const nv = next && vAttrOf(next, text, rep, seen);
      if (!next || !nv || nv.kind === "v-if") break;
      next.done = true;
      const m = nv.ok ? extent(next, nv) : null;
      if (!m) break;
      found.push((last = m));
    }
    chains.push({ members: found.map((m) => member(text, m, del)) });
  }
  return chains;
}

function member(text: string, m: Found, del: Deletions): ChainMember {
  const a = m.v.attr;
  del.add(/\s/.test(text[a.nameStart - 1] ?? "") ? a.nameStart - 1 : a.nameStart, a.end);
  if (m.ev.lower === "template") {
    del.add(m.ev.start, m.ev.end);
    if (m.endTag) del.add(m.endTag.start, m.endTag.end);
  }
  return {
    cond: m.v.kind === "v-else" ? null : conditionSource(text, a.valueStart, a.valueEnd),
    attrSpan: { start: a.nameStart, end: a.end },
    xs: m.xs,
    xe: m.xe,
  };
}

/** Gives each tag event the directive body of the text token its `<` sits in (tokens are contiguous, in order). */
function assignSegments(events: TagEvent[], tokens: Token[]): void {
  let j = 0;
  for (const e of events) {
    while (j < tokens.length && tokens[j].end <= e.start) j++;
    const t = tokens[j];
    e.seg = t && t.t === "text" && t.start <= e.start ? t.seg : -1;
  }
}
