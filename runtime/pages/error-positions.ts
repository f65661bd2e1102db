// Maps isolate stack traces (positions in a page bundle) back to site files through the bundle's source map
// (SPEC §6.11). Frames in pagec's own code (the prelude) are left out.
import { SourceMapConsumer } from "source-map-js";
import type { LoadedRoute } from "../load-bundles.js";

const consumers = new WeakMap<LoadedRoute, SourceMapConsumer | null>();
const FRAME = /([^\s()]+\.js):(\d+):(\d+)/g;

function consumer(route: LoadedRoute): SourceMapConsumer | null {
  if (!consumers.has(route)) {
    let c: SourceMapConsumer | null = null;
    try { if (route.script?.map) c = new SourceMapConsumer(JSON.parse(route.script.map)); } catch { c = null; }
    consumers.set(route, c);
  }
  return consumers.get(route)!;
}

export interface SitePosition { file: string; line: number; column: number }

export function mapStack(route: LoadedRoute, stack: string): SitePosition[] {
  const out: SitePosition[] = [];
  const c = consumer(route);
  if (!c || !route.script) return out;
  for (const m of stack.matchAll(FRAME)) {
    if (!m[1].endsWith(route.script.filename)) continue;
    const p = c.originalPositionFor({ line: Number(m[2]), column: Number(m[3]) - 1 });
    if (p.source && p.line) out.push({ file: p.source, line: p.line, column: (p.column ?? 0) + 1 });
  }
  return out;
}
