// Checks on literal text that produce warnings only: conflict-marker lines (PC1005, SPEC §3.1 rule 1),
// platform page-pipeline markers (PC1064) and `<component type>` tags (PC1058).
import type { FileReporter } from "../diagnostics/diagnostic.js";
import type { TagEvent } from "./html-tracker.js";

const MARKER_CHARS = new Set([60, 61, 62, 124]);

/** True when a conflict-marker line starts at `pos` (which must be a line start). */
export function conflictMarkerAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (!MARKER_CHARS.has(c)) return false;
  for (let i = 1; i < 7; i++) if (text.charCodeAt(pos + i) !== c) return false;
  if (pos + 7 > text.length) return false;
  const e = text.charCodeAt(pos + 7);
  return pos + 7 === text.length || e === 32 || e === 9 || e === 10 || e === 13;
}

/** Reports PC1005 on every conflict-marker line of the file, wherever it sits. */
export function reportConflictMarkers(text: string, starts: readonly number[], rep: FileReporter): void {
  for (const s of starts) {
    if (conflictMarkerAt(text, s)) {
      const marker = text.slice(s, s + 7);
      rep.report({ code: "PC1005", message: `merge conflict marker \`${marker}\` left in the file`, start: s, end: s + 7 });
    }
  }
}

const BRACKET_RE = /\[(?:BUY|UPSELL|DOWNSELL)=[^\]\r\n]{0,200}\]/y;
const PERCENT_RE = /%[A-Z][A-Z0-9_]{2,}%/y;
const BRACE_RE = /\{[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+\}/y;

/** Checks for a text marker starting at `pos` (the scanner calls this for `[`, `%` and `{` in HTML text). */
export function checkTextMarker(text: string, pos: number, rep: FileReporter): void {
  const c = text.charCodeAt(pos);
  const re = c === 91 ? BRACKET_RE : c === 37 ? PERCENT_RE : c === 123 ? BRACE_RE : null;
  if (!re) return;
  if (c === 123 && pos > 0 && text.charCodeAt(pos - 1) === 123) return;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return;
  report(rep, m[0], pos, pos + m[0].length);
}

function report(rep: FileReporter, marker: string, start: number, end: number): void {
  rep.report({ code: "PC1064", message: `platform page-pipeline marker \`${marker}\` is not processed by pagec and is sent as text`, start, end });
}

const PIPELINE_TAGS = new Set(["split-test", "dynamic-container", "inline-split-test"]);

/** Tag-level checks: pipeline elements (PC1064) and `<component type="…">` (PC1058). */
export function checkTagMarkers(text: string, events: readonly TagEvent[], rep: FileReporter): void {
  for (const e of events) {
    if (e.type !== "start" || e.suppressed) continue;
    if (PIPELINE_TAGS.has(e.lower)) report(rep, `<${e.lower}>`, e.start, e.nameEnd);
    if (e.lower === "component") {
      const type = e.attrs.find((a) => a.name.toLowerCase() === "type");
      if (type) {
        const code = text.slice(type.valueStart, type.valueEnd);
        rep.report({ code: "PC1058", message: `\`<component type="…">\` tags are not processed by pagec; use \`@component("${code}")\``, start: e.nameStart, end: e.nameEnd });
      }
    }
  }
}
