// Tracks HTML tags in the literal text the scanner passes through (SPEC §3.1 rule 8, §3.5 output contexts):
// raw-text mode for <script>/<style>, HTML comments, and start/end tag events with attribute offsets for §3.10.
import type { OutputContext } from "./ast.js";
import { isLetter, isWs } from "./text-utils.js";

export interface AttrInfo {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Offsets of the value without quotes; both equal nameEnd when there is no value. */
  valueStart: number;
  valueEnd: number;
  quote: "" | "\"" | "'";
  hasValue: boolean;
  /** End of the attribute including a closing quote. */
  end: number;
  /** An output tag sits in the value. */
  hasTemplate: boolean;
}

export interface TagEvent {
  type: "start" | "end";
  name: string;
  lower: string;
  start: number;
  nameStart: number;
  nameEnd: number;
  end: number;
  selfClosing: boolean;
  attrs: AttrInfo[];
  /** Inside @verbatim or [[ ]]: not ours to interpret. */
  suppressed: boolean;
  /** Directive-body id assigned by the structure builder (-1 until then). */
  seg: number;
  done?: boolean;
}

type State = "data" | "comment" | "bogus" | "tagName" | "beforeAttr" | "attrName" | "afterAttrName" | "beforeValue"
  | "valueQ" | "valueUnq" | "endTagName" | "endTagRest" | "raw";

const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "cite", "background", "ping"]);

export class HtmlTracker {
  readonly events: TagEvent[] = [];
  suppressed = false;
  private state: State = "data";
  private skipTo = 0;
  private cur: TagEvent | null = null;
  private attr: AttrInfo | null = null;
  private slash = false;
  private rawName = "";

  constructor(private readonly text: string) {}

  get inRaw(): boolean { return this.state === "raw"; }

  /** Feeds the literal character at `i` (called in increasing order, skipping template constructs). */
  feed(i: number): void {
    if (i < this.skipTo) return;
    const t = this.text;
    const c = t.charCodeAt(i);
    switch (this.state) {
      case "data": {
        if (c !== 60) return;
        if (t.startsWith("<!--", i)) { this.state = "comment"; this.skipTo = i + 4; return; }
        const n1 = t.charCodeAt(i + 1);
        if (isLetter(n1)) { this.cur = this.newEvent("start", i, i + 1); this.state = "tagName"; }
        else if (n1 === 47 && isLetter(t.charCodeAt(i + 2))) { this.cur = this.newEvent("end", i, i + 2); this.state = "endTagName"; this.skipTo = i + 2; }
        else if (n1 === 33 || n1 === 63) this.state = "bogus";
        return;
      }
      case "comment":
        if (c === 45 && t.startsWith("-->", i)) { this.state = "data"; this.skipTo = i + 3; }
        return;
      case "bogus":
        if (c === 62) this.state = "data";
        return;
      case "raw":
        if (c === 60 && t.charCodeAt(i + 1) === 47 && t.slice(i + 2, i + 2 + this.rawName.length).toLowerCase() === this.rawName) {
          this.cur = this.newEvent("end", i, i + 2);
          this.state = "endTagName";
          this.skipTo = i + 2;
        }
        return;
      case "tagName":
        if (!isWs(c) && c !== 47 && c !== 62) return;
        this.setName(i);
        this.state = "beforeAttr";
        return this.beforeAttr(i, c);
      case "beforeAttr":
        return this.beforeAttr(i, c);
      case "attrName":
        if (isWs(c)) { this.attr!.nameEnd = i; this.state = "afterAttrName"; }
        else if (c === 61) { this.attr!.nameEnd = i; this.state = "beforeValue"; }
        else if (c === 62 || c === 47) { this.attr!.nameEnd = i; this.pushAttr(i); this.state = "beforeAttr"; this.beforeAttr(i, c); }
        return;
      case "afterAttrName":
        if (isWs(c)) return;
        if (c === 61) { this.state = "beforeValue"; return; }
        this.pushAttr(this.attr!.nameEnd);
        this.state = "beforeAttr";
        return this.beforeAttr(i, c);
      case "beforeValue":
        if (isWs(c)) return;
        if (c === 34 || c === 39) { this.startValue(i + 1, c === 34 ? "\"" : "'"); this.state = "valueQ"; return; }
        if (c === 62) { this.pushAttr(i); this.state = "beforeAttr"; return this.beforeAttr(i, c); }
        this.startValue(i, ""); this.state = "valueUnq";
        return;
      case "valueQ":
        if (t[i] === this.attr!.quote) { this.attr!.valueEnd = i; this.pushAttr(i + 1); this.state = "beforeAttr"; }
        return;
      case "valueUnq":
        if (isWs(c) || c === 62) { this.attr!.valueEnd = i; this.pushAttr(i); this.state = "beforeAttr"; this.beforeAttr(i, c); }
        return;
      case "endTagName":
        if (isWs(c) || c === 47 || c === 62) { this.setName(i); this.state = "endTagRest"; if (c === 62) this.finish(i + 1); }
        return;
      case "endTagRest":
        if (c === 62) this.finish(i + 1);
        return;
    }
  }

  /** An output tag occupies [start, end): returns its context and moves attribute states along. */
  outputContext(start: number): OutputContext {
    switch (this.state) {
      case "comment": return { kind: "comment" };
      case "raw": return { kind: "raw-text", element: this.rawName === "style" ? "style" : "script" };
      case "tagName": case "beforeAttr": case "attrName": case "afterAttrName":
        return { kind: "attr", name: "", quoted: false, url: false, first: false };
      case "beforeValue":
        this.startValue(start, "");
        this.state = "valueUnq";
        return this.attrContext(start);
      case "valueQ": case "valueUnq":
        return this.attrContext(start);
      default: return { kind: "text" };
    }
  }

  private attrContext(start: number): OutputContext {
    const a = this.attr!;
    a.name = this.text.slice(a.nameStart, a.nameEnd);
    const lower = a.name.toLowerCase();
    // Only the first output tag of a value can be first; slicing for later ones would be quadratic.
    const first = !a.hasTemplate && this.text.slice(a.valueStart, start).trim() === "";
    const ctx: OutputContext = { kind: "attr", name: a.name, quoted: a.quote !== "", url: URL_ATTRS.has(lower), first };
    a.hasTemplate = true;
    return ctx;
  }

  private beforeAttr(i: number, c: number): void {
    if (isWs(c)) return;
    if (c === 62) { this.finish(i + 1); return; }
    if (c === 47) { this.slash = true; return; }
    this.slash = false;
    this.attr = { name: "", nameStart: i, nameEnd: i, valueStart: i, valueEnd: i, quote: "", hasValue: false, end: i, hasTemplate: false };
    this.state = "attrName";
  }

  private startValue(at: number, quote: "" | "\"" | "'"): void {
    const a = this.attr!;
    a.valueStart = at; a.valueEnd = at; a.quote = quote; a.hasValue = true;
  }

  private pushAttr(end: number): void {
    const a = this.attr!;
    a.name = this.text.slice(a.nameStart, a.nameEnd);
    if (!a.hasValue) { a.valueStart = a.nameEnd; a.valueEnd = a.nameEnd; }
    a.end = end;
    this.cur!.attrs.push(a);
    this.attr = null;
  }

  private setName(i: number): void {
    const e = this.cur!;
    e.nameEnd = i;
    e.name = this.text.slice(e.nameStart, i);
    e.lower = e.name.toLowerCase();
  }

  private finish(end: number): void {
    const e = this.cur!;
    e.end = end;
    e.selfClosing = e.type === "start" && this.slash;
    this.slash = false;
    if (!e.suppressed) this.events.push(e);
    this.cur = null;
    this.state = e.type === "start" && (e.lower === "script" || e.lower === "style") ? "raw" : "data";
    if (this.state === "raw") this.rawName = e.lower;
  }

  private newEvent(type: "start" | "end", start: number, nameStart: number): TagEvent {
    return { type, name: "", lower: "", start, nameStart, nameEnd: nameStart, end: start, selfClosing: false, attrs: [], suppressed: this.suppressed, seg: -1 };
  }
}
