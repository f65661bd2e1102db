// Watches a dist's manifest.json or a whole site directory and calls `onChange` once per burst of changes.
import { watch, type FSWatcher } from "node:fs";
import { join } from "node:path";

export function watchForChanges(dir: string, isDist: boolean, onChange: () => void, debounceMs = 80): () => void {
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watcher: FSWatcher = isDist ? watch(join(dir, "manifest.json"), fire) : watch(dir, { recursive: true }, (_e, name) => {
    if (name && /(^|\/)(\.|node_modules\/|dist\/)/.test(String(name))) return;
    fire();
  });
  return () => { if (timer) clearTimeout(timer); watcher.close(); };
}
