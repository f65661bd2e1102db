// The single left-to-right scan of SPEC §3.1: tries rules 1–10 in order at each position and produces a flat
// token stream (text, output tags, directives, stripped constructs, backend scripts) plus HTML tag events.
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { ScriptBlock } from "./ast.js";
import type { Token } from "./tokens.js";
import { DelimiterSearch, Finder, isLineStart, terminatorLength } from "./text-utils.js";
import { HtmlTracker, type TagEvent } from "./html-tracker.js";
import { recognizeDirective } from "./directive-recognize.js";
import { backendEndTag, backendStartTagEnd, scriptStartTag } from "./backend-script.js";
import { checkTextMarker, conflictMarkerAt } from "./markers.js";

export interface ScanResult { tokens: Token[]; events: TagEvent[] }

export function scan(text: string, kind: "page" | "component", rep: FileReporter): ScanResult {
  return new Scanner(text, kind, rep).run();
}

class Scanner {
  private readonly tokens: Token[] = [];
  private readonly finder: Finder;
  private readonly delims: DelimiterSearch;
  private readonly html: HtmlTracker;
  private textStart = 0;
  private pos = 0;
  /** The open `@verbatim` directive, if any. */
  private verbatim: { start: number; end: number } | null = null;
  /** End of the last `<script …>` start tag found not to be a backend script. */
  private frontendTagEnd = 0;

  constructor(private readonly text: string, private readonly kind: "page" | "component", private readonly rep: FileReporter) {
    this.finder = new Finder(text);
    this.delims = new DelimiterSearch(text, this.finder);
    this.html = new HtmlTracker(text);
  }

  run(): ScanResult {
    const t = this.text;
    const n = t.length;
    while (this.pos < n) {
      const p = this.pos;
      if (isLineStart(t, p) && conflictMarkerAt(t, p)) {
        let e = this.finder.lineEnd(p);
        e += terminatorLength(t, e);
        this.emit({ t: "strip", start: p, end: e, what: "marker" });
        continue;
      }
      const c = t.charCodeAt(p);
      if (!(this.verbatim ? this.verbatimRule(c) : this.rule(c))) this.literal(p);
    }
    this.flush(n);
    if (this.verbatim) {
      this.rep.report({ code: "PC1007", message: "`@verbatim` has no matching `@endverbatim`", start: this.verbatim.start, end: this.verbatim.end });
    }
    return { tokens: this.tokens, events: this.html.events };
  }

  /** Rules 2–9 at the current position; true when something was consumed. */
  private rule(c: number): boolean {
    const t = this.text, p = this.pos;
    if (c === 123 && t.charCodeAt(p + 1) === 123) {
      if (t.startsWith("{{--", p)) return this.comment();
      if (t.charCodeAt(p + 2) === 123) return this.triple();
      return this.output("{{");
    }
    if (c === 91 && t.charCodeAt(p + 1) === 91) return this.passThrough();
    if (c === 60) {
      if (t.charCodeAt(p + 1) === 60) return this.altOutput();
      return this.backendScript();
    }
    if (c === 64) return this.directive(false);
    return false;
  }

  /** Inside @verbatim only rule 6 (and `@endverbatim`) apply; a backend-script tag is text with PC1059. */
  private verbatimRule(c: number): boolean {
    const t = this.text, p = this.pos;
    if (c === 60 && t.charCodeAt(p + 1) === 60) return this.altOutput();
    if (c === 60) {
      const tagEnd = backendStartTagEnd(t, p, this.finder);
      if (tagEnd >= 0) this.rep.report({ code: "PC1059", message: "this backend script is inside `@verbatim` and is sent to the browser as text", start: p, end: tagEnd });
      return false;
    }
    if (c === 64) return this.directive(true);
    return false;
  }

  private literal(p: number): void {
    this.html.feed(p);
    if (!this.verbatim && !this.html.inRaw && !this.html.suppressed) {
      const c = this.text.charCodeAt(p);
      if (c === 91 || c === 37 || c === 123) checkTextMarker(this.text, p, this.rep);
    }
    this.pos = p + 1;
  }

  private literalRange(from: number, to: number): void {
    for (let i = from; i < to; i++) this.html.feed(i);
    this.pos = to;
  }

  private flush(upTo: number): void {
    if (upTo > this.textStart) this.tokens.push({ t: "text", start: this.textStart, end: upTo, seg: -1 });
  }

  private emit(tok: Token): void {
    this.flush(tok.start);
    this.tokens.push(tok);
    this.textStart = tok.end;
    this.pos = tok.end;
  }

  private comment(): boolean {
    const t = this.text, p = this.pos;
    const close = this.finder.indexOf("--}}", p + 4);
    if (close < 0) {
      this.rep.report({ code: "PC1002", message: "unclosed comment: `{{--` has no matching `--}}`", start: p, end: p + 4 });
      this.literalRange(p, t.length);
      return true;
    }
    const end = close + 4;
    if (/^\s*efmeta:/.test(t.slice(p + 4, Math.min(close, p + 64))) && this.rep.lines.position(p).line > 0) {
      this.rep.report({ code: "PC1055", message: "efmeta comment after line 1; only the first line may identify the file", start: p, end });
    }
    this.emit({ t: "strip", start: p, end, what: "comment" });
    return true;
  }

  private triple(): boolean {
    const p = this.pos;
    this.rep.report({ code: "PC1006", message: "`{{{ … }}}` is not supported; use `{{ expr | raw }}` for unescaped output", start: p, end: p + 3 });
    const close = this.finder.indexOf("}}}", p + 3);
    this.emit({ t: "strip", start: p, end: close < 0 ? this.text.length : close + 3, what: "triple" });
    return true;
  }

  private output(delim: "{{" | "<<"): boolean {
    const t = this.text, p = this.pos;
    const close = delim === "{{" ? this.delims.find(p + 2, "}}") : this.delims.find(p + 2, ">>", this.finder.lineEnd(p));
    if (close < 0) {
      if (delim === "{{") this.rep.report({ code: "PC1001", message: "unclosed `{{`: no matching `}}` before the end of the file", start: p, end: p + 2 });
      else this.rep.report({
        code: "PC1003", message: "`<<` has no matching `>>` on this line and is output as text", start: p, end: p + 2,
        suggestions: [{ title: "replace with `&lt;&lt;`", edits: [{ start: p, end: p + 2, newText: "&lt;&lt;" }] }],
      });
      this.literalRange(p, p + 2);
      return true;
    }
    const end = close + 2;
    const expr = { text: t.slice(p + 2, close), start: p + 2 };
    if (expr.text.trim() === "") {
      this.rep.report({
        code: "PC1004", message: "empty output tag renders nothing", start: p, end,
        suggestions: [{ title: "remove the empty tag", edits: [{ start: p, end, newText: "" }] }],
      });
      this.emit({ t: "strip", start: p, end, what: "empty" });
      return true;
    }
    const context = this.html.outputContext(p);
    if (context.kind === "attr" && context.name !== "") {
      if (!context.quoted) this.rep.report({ code: "PC1060", message: `output tags in unquoted attribute values are not allowed; quote the value of \`${context.name}\``, start: p, end });
      if (context.name.toLowerCase().startsWith("on")) this.rep.report({ code: "PC1061", message: `output tags are not allowed in the event-handler attribute \`${context.name}\`; pass the data through a \`data-*\` attribute`, start: p, end });
    }
    this.emit({ t: "output", start: p, end, delim, expr, context });
    return true;
  }

  private altOutput(): boolean {
    const t = this.text, p = this.pos;
    if (this.html.inRaw || (p > 0 && t.charCodeAt(p - 1) === 60) || t.charCodeAt(p + 2) === 60) return false;
    return this.output("<<");
  }

  private passThrough(): boolean {
    const p = this.pos;
    const close = this.finder.indexOf("]]", p + 2);
    if (close < 0) return false;
    for (let i = this.finder.indexOf("{{", p + 2); i >= 0 && i < close; i = this.finder.indexOf("{{", i + 2)) {
      this.rep.report({ code: "PC1056", message: "`{{` inside `[[ … ]]` is sent to the browser unchanged and is not evaluated", start: i, end: i + 2 });
    }
    const was = this.html.suppressed;
    this.html.suppressed = true;
    this.literalRange(p, close + 2);
    this.html.suppressed = was;
    return true;
  }

  private backendScript(): boolean {
    const t = this.text, p = this.pos;
    // A `<script` inside the attributes of a `<script` start tag already read as frontend is not a tag; skipping
    // it keeps pathological runs of `<script ` linear.
    if (p < this.frontendTagEnd || (t.charCodeAt(p + 1) !== 115 && t.charCodeAt(p + 1) !== 83)) return false;
    const tag = scriptStartTag(t, p, this.finder);
    if (!tag) return false;
    if (!tag.backend) { this.frontendTagEnd = tag.end; return false; }
    const tagEnd = tag.end;
    if (this.kind === "component") this.rep.report({ code: "PC5010", message: "components cannot contain backend scripts", start: p, end: tagEnd });
    const close = backendEndTag(tagEnd, this.finder);
    if (!close) {
      // Fail closed: nothing after an unterminated backend script may reach the browser.
      this.rep.report({ code: "PC1008", message: "`<script scope=\"backend\">` has no closing `</script>`", start: p, end: tagEnd });
      this.emit({ t: "strip", start: p, end: t.length, what: "comment" });
      return true;
    }
    const block: ScriptBlock = {
      content: t.slice(tagEnd, close.start), contentStart: tagEnd,
      startTag: { start: p, end: tagEnd }, span: { start: p, end: close.end }, insideConditional: null,
    };
    this.emit({ t: "script", start: p, end: close.end, block });
    return true;
  }

  private directive(inVerbatim: boolean): boolean {
    const p = this.pos;
    const r = recognizeDirective(this.text, p, this.delims, this.rep, inVerbatim);
    if (r.kind === "literal") { this.literalRange(p, r.end); return true; }
    const args = r.kind === "paren" ? { text: this.text.slice(r.open + 1, r.close), start: r.open + 1 } : null;
    this.emit({ t: "dir", name: r.name, start: p, nameEnd: r.nameEnd, args, end: r.end });
    if (r.name === "verbatim") { this.verbatim = { start: p, end: r.nameEnd }; this.html.suppressed = true; }
    else if (r.name === "endverbatim" && inVerbatim) { this.verbatim = null; this.html.suppressed = false; }
    return true;
  }
}
