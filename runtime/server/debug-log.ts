// The debug ring (SPEC §6.11): the last 100 requests with their execution-log entries, newest first.
import type { LogEntry } from "../render/host-render.js";

export interface DebugRecord { id: string; time: string; method: string; path: string; page: string | null; status: number; durationMs: number; entries: LogEntry[] }

export class DebugRing {
  private ring: DebugRecord[] = [];
  constructor(private readonly max = 100) {}
  add(r: DebugRecord) {
    this.ring.unshift(r);
    if (this.ring.length > this.max) this.ring.length = this.max;
  }
  list(): DebugRecord[] { return this.ring; }
  get(id: string): DebugRecord | undefined { return this.ring.find((r) => r.id === id); }
}

export function entryText(e: LogEntry): string {
  return `[${e.level}]${e.file ? ` ${e.file}:${e.line}:${e.column}` : ""} ${e.text}`;
}
