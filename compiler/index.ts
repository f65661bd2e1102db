// Public API of pagec/compiler (SPEC §1.4): compileSite, compilePage, checkSite, checkSource.
import { analyzeSite, type Analysis } from "./compile.js";
import { emitDist, type Manifest, type CodeCacheFn } from "./build/dist.js";
import { writeDist } from "./build/write-dist.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { relative, resolve } from "node:path";
import { createRequire } from "node:module";

export type { Diagnostic, Manifest, Analysis };
export { analyzeSite };
export { createTypeChecker, type TypeChecker } from "./analyze/typecheck/index.js";

export interface CompileOptions { outDir?: string; write?: boolean; codeCache?: boolean; precompileSchemas?: boolean }
export interface CompileResult { ok: boolean; diagnostics: Diagnostic[]; manifest?: Manifest; files?: Map<string, Uint8Array>; analysis?: Analysis }

const hasErrors = (list: Diagnostic[]) => list.some((d) => d.severity === "error");

/** V8 code cache production needs isolated-vm in this process (and Node started with --no-node-snapshot). */
async function codeCacheProducer(): Promise<{ fn: CodeCacheFn; v8: { version: string; isolatedVm: string } } | null> {
  if (!process.execArgv.includes("--no-node-snapshot") && !(process.env.NODE_OPTIONS ?? "").includes("--no-node-snapshot")) return null;
  try {
    const mod = await import("../runtime/sandbox/index.js");
    const produce = (mod as { produceCodeCache?: CodeCacheFn }).produceCodeCache;
    if (!produce) return null;
    const ivmVersion = createRequire(import.meta.url)("isolated-vm/package.json").version as string;
    return { fn: produce, v8: { version: process.versions.v8, isolatedVm: ivmVersion } };
  } catch {
    return null;
  }
}

async function compile(siteDir: string, options: CompileOptions, only?: string): Promise<CompileResult> {
  const analysis = analyzeSite(siteDir, { precompileSchemas: options.precompileSchemas, only });
  const diagnostics = analysis.diagnostics;
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, analysis };
  const cc = options.codeCache === false ? null : await codeCacheProducer();
  const { manifest, files } = emitDist(analysis, { codeCache: cc?.fn ?? null, v8: cc?.v8 ?? null });
  if (options.outDir && options.write !== false) writeDist(resolve(options.outDir), manifest, files);
  return { ok: true, diagnostics, manifest, files, analysis };
}

export function compileSite(siteDir: string, options: CompileOptions = {}): Promise<CompileResult> {
  return compile(siteDir, options);
}

/** One page (site-relative path) and everything it depends on. */
export function compilePage(siteDir: string, pagePath: string, options: CompileOptions = {}): Promise<CompileResult> {
  return compile(siteDir, options, pagePath);
}

export async function checkSite(siteDir: string, _options: { strict?: boolean } = {}): Promise<{ diagnostics: Diagnostic[] }> {
  return { diagnostics: analyzeSite(siteDir, { emit: false }).diagnostics };
}

/**
 * Analyses unsaved editor text. Pass a `typeChecker` (from `createTypeChecker()`) and keep it across calls to
 * stay warm: a fresh one loads the TypeScript libraries on every call.
 */
export async function checkSource(text: string, options: { path: string; siteDir?: string; overlays?: Record<string, string>; typeChecker?: import("./analyze/typecheck/index.js").TypeChecker }): Promise<Diagnostic[]> {
  const siteDir = options.siteDir ?? process.cwd();
  const path = relative(resolve(siteDir), resolve(siteDir, options.path)).split("\\").join("/");
  const a = analyzeSite(siteDir, { emit: false, overlays: { ...options.overlays, [path]: text }, typeChecker: options.typeChecker });
  return a.diagnostics.filter((d) => d.file === path);
}
