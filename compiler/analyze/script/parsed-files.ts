// Parses each backend-script file of the site once per analysis: page units (their `<script scope="backend">`
// blocks joined) and modules, plus which modules a page's units reach. Parse errors were already reported by
// the bundler (PC3001), so they are dropped here and the file is simply skipped.
import type { ParsedUnit } from "../../bundle/index.js";
import { parseUnit, parseModule, scanSyntax, resolveSpecifier } from "../../bundle/index.js";
import type { ParsedTemplate } from "../template-graph.js";
import type { Site } from "../../site/load-site.js";

export interface ParsedFiles {
  /** A page file's unit, or null when it has no blocks or does not parse. */
  unit(t: ParsedTemplate): ParsedUnit | null;
  module(code: string): ParsedUnit | null;
  /** Module codes a parsed file imports (resolved specifiers only). */
  imports(u: ParsedUnit): string[];
  /** Every module reachable from these units, each once. */
  reachable(units: ParsedUnit[]): ParsedUnit[];
}

export function parsedFiles(site: Site): ParsedFiles {
  const units = new Map<string, ParsedUnit | null>();
  const modules = new Map<string, ParsedUnit | null>();
  const importsOf = new Map<ParsedUnit, string[]>();
  const api: ParsedFiles = {
    unit(t) {
      if (!units.has(t.file)) units.set(t.file, t.ast.scripts.length ? parseUnit({ file: t.file, text: t.text, blocks: t.ast.scripts }).unit : null);
      return units.get(t.file) ?? null;
    },
    module(code) {
      if (!modules.has(code)) {
        const file = site.modules.get(code);
        const text = file === undefined ? undefined : site.files.get(file);
        modules.set(code, file !== undefined && text !== undefined ? parseModule({ file, text }).module : null);
      }
      return modules.get(code) ?? null;
    },
    imports(u) {
      let list = importsOf.get(u);
      if (!list) {
        list = scanSyntax(u, "module", Infinity).imports.map((i) => resolveSpecifier(i.specifier)).filter((c): c is string => c !== null);
        importsOf.set(u, list);
      }
      return list;
    },
    reachable(roots) {
      const seen = new Set<string>();
      const out: ParsedUnit[] = [];
      const stack = [...roots];
      while (stack.length) {
        for (const code of api.imports(stack.pop()!)) {
          if (seen.has(code)) continue;
          seen.add(code);
          const m = api.module(code);
          if (m) { out.push(m); stack.push(m); }
        }
      }
      return out;
    },
  };
  return api;
}
