// Line-oriented JavaScript emitter for render modules: merges adjacent static text into one string chunk
// (so generated code reads like hand-written code) and records a source-map mapping per emitted statement.
import { SourceMapGenerator } from "source-map-js";
import type { LineIndex } from "../source/line-index.js";

export interface SourceFile { file: string; text: string; lines: LineIndex }

export class Emitter {
  private out: string[] = [];
  private pendingText = "";
  private pendingAt: { src: SourceFile; offset: number } | null = null;
  private indent = 0;
  readonly map: SourceMapGenerator;
  private sources = new Set<string>();

  constructor(file: string) {
    this.map = new SourceMapGenerator({ file });
  }

  /** Appends static template text; consecutive text merges into one `$o += "…"` statement. */
  text(value: string, src: SourceFile, offset: number) {
    if (!value) return;
    if (!this.pendingText) this.pendingAt = { src, offset };
    this.pendingText += value;
  }

  /** Emits one statement line, mapped to `offset` in `src` when given. */
  line(code: string, src?: SourceFile, offset?: number) {
    this.flushText();
    if (src && offset !== undefined) this.mark(src, offset);
    this.out.push("  ".repeat(this.indent) + code);
  }

  open(code: string, src?: SourceFile, offset?: number) { this.line(code, src, offset); this.indent++; }
  /** Closes the current block and opens the next one on the same line (`} else if (…) {`). */
  reopen(code: string, src?: SourceFile, offset?: number) {
    this.flushText();
    this.indent--;
    if (src && offset !== undefined) this.mark(src, offset);
    this.out.push("  ".repeat(this.indent) + code);
    this.indent++;
  }
  close(code = "}") { this.flushText(); this.indent--; this.out.push("  ".repeat(this.indent) + code); }

  flushText() {
    if (!this.pendingText) return;
    const at = this.pendingAt!;
    this.mark(at.src, at.offset);
    this.out.push("  ".repeat(this.indent) + `$o += ${JSON.stringify(this.pendingText)};`);
    this.pendingText = "";
    this.pendingAt = null;
  }

  private mark(src: SourceFile, offset: number) {
    const pos = src.lines.position(offset);
    if (!this.sources.has(src.file)) {
      this.sources.add(src.file);
      this.map.setSourceContent(src.file, src.text);
    }
    this.map.addMapping({
      generated: { line: this.out.length + 1, column: 2 * this.indent },
      original: { line: pos.line + 1, column: pos.character },
      source: src.file,
    });
  }

  code(): string {
    this.flushText();
    return this.out.join("\n");
  }
}
