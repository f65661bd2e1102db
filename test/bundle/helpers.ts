// Test helpers: build UnitSources from page text, bundle a small site, and run the bundle in node:vm
// with a stub __pagec_define and stub globals, the way the prelude does (factory(__pc), then units in order).
import vm from "node:vm";
import type { ScriptBlock } from "../../compiler/template/ast.js";
import { bundlePage, type BundleResult, type UnitSource } from "../../compiler/bundle/index.js";

export function blocksOf(text: string): ScriptBlock[] {
  const out: ScriptBlock[] = [];
  const re = /<script scope="backend">([\s\S]*?)<\/script>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const contentStart = m.index + '<script scope="backend">'.length;
    out.push({ content: m[1], contentStart, startTag: { start: m.index, end: contentStart }, span: { start: m.index, end: m.index + m[0].length }, insideConditional: null } as unknown as ScriptBlock);
  }
  return out;
}

export function unit(file: string, text: string): UnitSource {
  return { file, text, blocks: blocksOf(text) };
}

export interface Site { pages: Record<string, string>; scripts?: Record<string, string> }

export function bundle(pages: Record<string, string>, scripts: Record<string, string> = {}, opts: Partial<{ maxImports: number; maxModulesPerPage: number; moduleCodes: string[] }> = {}): BundleResult {
  return bundlePage({
    slug: "test",
    units: Object.entries(pages).map(([f, t]) => unit(f, t)),
    readModule: (code) => {
      const file = `scripts/${code}.js`;
      return Object.prototype.hasOwnProperty.call(scripts, file) ? { file, text: scripts[file] } : null;
    },
    maxImports: opts.maxImports ?? 10,
    maxModulesPerPage: opts.maxModulesPerPage ?? 50,
    precompileSchemas: false,
    moduleCodes: opts.moduleCodes,
  });
}

export interface RunResult { log: unknown[]; error: unknown; halted: boolean }

/** Runs the bundle like the prelude: units in order; a thrown HALT (from `halt()`) ends the script phase. */
export async function run(code: string, extraGlobals: Record<string, unknown> = {}): Promise<RunResult> {
  const log: unknown[] = [];
  const HALT = { halt: true };
  let halting = false;
  let factory: ((pc: unknown) => Array<() => Promise<unknown>>) | null = null;
  const ctx = vm.createContext({
    __pagec_define: (_slug: string, f: typeof factory) => { factory = f; },
    log: (v: unknown) => log.push(v),
    halt: () => { halting = true; throw HALT; },
    ...extraGlobals,
  });
  new vm.Script(code, { filename: "bundle.js" }).runInContext(ctx);
  const pc = { rethrow: (e: unknown) => { if (halting) throw e; } };
  const units = (factory as unknown as (pc: unknown) => Array<() => Promise<unknown>>)(pc);
  let error: unknown = null;
  for (const u of units) {
    try { await u(); } catch (e) { if (e !== HALT) error = e; break; }
  }
  return { log, error, halted: halting };
}
