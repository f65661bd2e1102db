// Prints diagnostics in the chosen format, reading the source lines for code frames from the site.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatPretty } from "../diagnostics/format-pretty.js";
import { formatJson, formatSarif } from "../diagnostics/format-json.js";
import { PAGEC_VERSION } from "../build/package-files.js";

export function renderDiagnostics(list: Diagnostic[], siteRoot: string, format: "pretty" | "json" | "sarif", color: boolean, overlays: Map<string, string> = new Map()): string {
  if (format === "json") return formatJson(list, siteRoot, PAGEC_VERSION);
  if (format === "sarif") return formatSarif(list, siteRoot, PAGEC_VERSION);
  return formatPretty(list, {
    color,
    source: (file) => {
      if (overlays.has(file)) return overlays.get(file);
      try { const t = readFileSync(join(siteRoot, file), "utf8"); return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t; } catch { return undefined; }
    },
  });
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && !process.env.NO_COLOR;
}
