// Loads compiler-generated render modules on the host. Their code comes only from the template compiler
// (closed expression grammar, no user JavaScript), so evaluating it in the host realm is safe; it receives
// copied plain data and the render library.
import vm from "node:vm";

export interface RenderMeta { files: string[]; lines: number[][] }
export interface RenderRuntime {
  call(name: string, pos: number, args: unknown[]): unknown;
  tick(outputLength: number): void;
  setItem(key: unknown, value: unknown): void;
  clearItem(key: unknown): void;
  warn(text: string): void;
}
export type RenderFn = (input: Record<string, unknown>, rt: RenderRuntime) => string;
export interface RenderModule { render: RenderFn; meta: RenderMeta }
export type RenderLib = Record<string, unknown>;

export function loadRenderLib(code: string, filename: string): RenderLib {
  return vm.runInThisContext(code, { filename }) as RenderLib;
}

export function loadRenderModule(code: string, filename: string, lib: RenderLib): RenderModule {
  const factory = vm.runInThisContext(code, { filename }) as (lib: RenderLib) => RenderModule;
  return factory(lib);
}

/** Offset with the file index above bit 24 (see compiler/codegen/render.ts) → file:line:column. */
export function positionOf(meta: RenderMeta, pos: number): { file: string; line: number; column: number } {
  const fileIndex = Math.floor(pos / 2 ** 24);
  const offset = pos % 2 ** 24;
  const starts = meta.lines[fileIndex] ?? [0];
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return { file: meta.files[fileIndex] ?? "?", line: lo + 1, column: offset - starts[lo] + 1 };
}
