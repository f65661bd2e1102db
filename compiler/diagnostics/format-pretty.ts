// rustc-style code frames (SPEC §7.4 "Pretty"). Colour only changes escape codes, never the text.
import type { Diagnostic } from "./diagnostic.js";
import { countBySeverity } from "./diagnostic.js";
import { LineIndex } from "../source/line-index.js";

export interface PrettyOptions { color?: boolean; source(file: string): string | undefined }

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function formatPretty(list: Diagnostic[], opts: PrettyOptions): string {
  const c = !!opts.color;
  const indexes = new Map<string, LineIndex | null>();
  const index = (file: string) => {
    if (!indexes.has(file)) { const t = opts.source(file); indexes.set(file, t === undefined ? null : new LineIndex(t)); }
    return indexes.get(file)!;
  };
  let out = "";
  for (const d of list) {
    const sevColor = d.severity === "error" ? "1;31" : d.severity === "warning" ? "1;33" : "1;36";
    out += `${paint(c, sevColor, `${d.severity}[${d.code}]`)}${paint(c, "1", `: ${d.message}`)}\n`;
    const lineNo = String(d.start.line);
    const w = lineNo.length;
    out += `${" ".repeat(w)}${paint(c, "1;34", "-->")} ${d.file}:${d.start.line}:${d.start.column}\n`;
    const li = index(d.file);
    const fileLevel = d.range.start.line === 0 && d.range.start.character === 0 && d.range.end.line === 0 && d.range.end.character === 0;
    if (li && !fileLevel && d.range.start.line < li.lineCount) {
      const raw = li.lineText(d.range.start.line);
      const shown = raw.replace(/\t/g, " ").replace(/\s+$/, "");
      const startCh = d.range.start.character;
      const endCh = d.range.end.line === d.range.start.line ? d.range.end.character : raw.length;
      const carets = "^".repeat(Math.max(1, endCh - startCh));
      const bar = paint(c, "1;34", "|");
      out += `${" ".repeat(w + 1)}${bar}\n`;
      out += `${paint(c, "1;34", lineNo)} ${bar} ${shown}\n`;
      out += `${" ".repeat(w + 1)}${bar} ${" ".repeat(startCh)}${paint(c, sevColor, carets)}\n`;
    }
    for (const s of d.suggestions) out += `${" ".repeat(w + 1)}${paint(c, "1;34", "=")} help: ${s.title}\n`;
    out += "\n";
  }
  const { errors, warnings } = countBySeverity(list);
  out += `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`;
  return out;
}
