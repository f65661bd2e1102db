// Attribute-level rules of SPEC §3.10: which v-* attribute an element carries (PC1032, PC1034), client-side
// directives outside @verbatim (PC1033), tag matching by name, and v-pre regions.
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { AttrInfo, TagEvent } from "./html-tracker.js";
import type { ExprSource } from "./ast.js";

export const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const CLIENT_EXACT = new Set(["v-for", "v-show", "v-model", "x-if", "x-for", "x-show", "ng-if", "ng-for"]);

export interface VAttr { kind: "v-if" | "v-else-if" | "v-else"; attr: AttrInfo; ok: boolean }

const isV = (a: AttrInfo) => a.name === "v-if" || a.name === "v-else-if" || a.name === "v-else";

/** The element's v-if/v-else-if/v-else attribute, validated once (errors reported); null when it has none. */
export function vAttrOf(ev: TagEvent, text: string, rep: FileReporter, seen: Map<TagEvent, VAttr | null>): VAttr | null {
  if (seen.has(ev)) return seen.get(ev)!;
  const all = ev.attrs.filter(isV);
  let result: VAttr | null = null;
  if (all.length > 0) {
    const attr = all[0];
    let ok = true;
    if (all.length > 1) {
      ok = false;
      const s = all[1];
      rep.report({ code: "PC1032", message: "an element may carry only one of `v-if`, `v-else-if` and `v-else`", start: s.nameStart, end: s.end });
    }
    if (attr.name === "v-else" && attr.hasValue) {
      ok = false;
      rep.report({ code: "PC1032", message: "`v-else` takes no value", start: attr.valueStart - (attr.quote ? 1 : 0), end: attr.end });
    } else if (attr.name !== "v-else" && text.slice(attr.valueStart, attr.valueEnd).trim() === "") {
      ok = false;
      rep.report({ code: "PC1034", message: `\`${attr.name}\` needs a condition`, start: attr.nameStart, end: attr.end });
    }
    result = { kind: attr.name as VAttr["kind"], attr, ok };
  }
  seen.set(ev, result);
  return result;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'" };

/**
 * The condition of a v-if/v-else-if attribute with `&amp; &lt; &gt; &quot; &#39;` decoded (SPEC §3.10). When
 * decoding changed the text, `offsets` maps each decoded character back to its file offset.
 */
export function conditionSource(text: string, start: number, end: number): ExprSource {
  const raw = text.slice(start, end);
  if (!/&(?:amp|lt|gt|quot|#39);/.test(raw)) return { text: raw, start };
  let out = "";
  const offsets: number[] = [];
  for (let i = 0; i < raw.length;) {
    const m = raw[i] === "&" ? /^&(?:amp|lt|gt|quot|#39);/.exec(raw.slice(i, i + 6)) : null;
    offsets.push(start + i);
    if (m) { out += ENTITIES[m[0]]; i += m[0].length; } else { out += raw[i]; i++; }
  }
  offsets.push(end);
  return { text: out, start, offsets };
}

/** Start tag → matching end tag, by counting same-name tags (a per-name stack); void and `/>` tags excluded. */
export function matchTags(events: readonly TagEvent[]): Map<TagEvent, TagEvent> {
  const stacks = new Map<string, TagEvent[]>();
  const match = new Map<TagEvent, TagEvent>();
  for (const e of events) {
    if (e.type === "start") {
      if (e.selfClosing || VOID_ELEMENTS.has(e.lower)) continue;
      let s = stacks.get(e.lower);
      if (!s) stacks.set(e.lower, (s = []));
      s.push(e);
    } else {
      const open = stacks.get(e.lower)?.pop();
      if (open) match.set(open, e);
    }
  }
  return match;
}

/** Events inside an element carrying `v-pre` (including that element's own tag): left alone for the browser. */
export function vPreEvents(events: readonly TagEvent[], match: Map<TagEvent, TagEvent>): Set<TagEvent> {
  const inside = new Set<TagEvent>();
  let until = -1;
  for (const e of events) {
    if (e.start < until) { inside.add(e); continue; }
    if (e.type === "start" && e.attrs.some((a) => a.name === "v-pre")) {
      inside.add(e);
      until = match.get(e)?.end ?? e.end;
    }
  }
  return inside;
}

/** PC1033 for client-side directives outside @verbatim and v-pre. */
export function reportClientDirectives(events: readonly TagEvent[], vpre: Set<TagEvent>, rep: FileReporter): void {
  for (const e of events) {
    if (e.type !== "start" || vpre.has(e)) continue;
    for (const a of e.attrs) {
      const n = a.name;
      const base = n.split(".")[0];
      if (CLIENT_EXACT.has(base) || n.startsWith("v-bind:") || n.startsWith("v-on:")) {
        rep.report({ code: "PC1033", message: `\`${n}\` is not evaluated on the server and reaches the browser unchanged; wrap client-side templates in \`@verbatim … @endverbatim\``, start: a.nameStart, end: a.nameEnd });
      }
    }
  }
}
