// Watches a site directory (or a dist's manifest.json) and calls `onChange` once per burst of changes. Shared by
// `pagec build --watch` and `pagec serve --watch`. Paths the site loader ignores (dot files, node_modules/, dist/)
// and the build's own output directory never trigger a rebuild, or a rebuild would trigger itself forever.
import { watch, type FSWatcher } from "node:fs";
import { join, relative, resolve } from "node:path";

export interface WatchOptions { isDist?: boolean; ignoreDir?: string; debounceMs?: number }

export function watchForChanges(dir: string, onChange: () => void, opts: WatchOptions = {}): () => void {
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, opts.debounceMs ?? 80);
  };
  const ignored = opts.ignoreDir ? relative(resolve(dir), resolve(opts.ignoreDir)).split("\\").join("/") : null;
  const inside = ignored && !ignored.startsWith("..") && ignored !== "" ? `${ignored}/` : null;
  const watcher: FSWatcher = opts.isDist ? watch(join(dir, "manifest.json"), fire) : watch(dir, { recursive: true }, (_e, name) => {
    const rel = String(name ?? "").split("\\").join("/");
    if (/(^|\/)(\.|node_modules\/|dist\/)/.test(rel)) return;
    if (inside && (rel + "/").startsWith(inside)) return;
    fire();
  });
  return () => { if (timer) clearTimeout(timer); watcher.close(); };
}
