// The IPC messages between the pool (parent) and a sandbox child. Every payload is plain data;
// script values travel as JSON strings and are parsed only by the receiving side that needs them.
import type { ScriptOutcome, ScriptSource } from "./types.js";

export interface ChildConfig {
  prelude: ScriptSource;
  bundles: Array<[string, ScriptSource]>;
  initJson: string;
  memoryMb: number;
  scriptCpuMs: number;
  scriptWallMs: number;
  contextsPerIsolate: number;
}

export type CacheStatus = "accepted" | "rejected" | "produced" | "none";

export type ToChild =
  | { t: "init"; config: ChildConfig }
  | { t: "run"; id: number; slug: string; inputJson: string }
  | { t: "callResult"; id: number; callId: number; json: string }
  | { t: "shutdown" };

export type FromChild =
  /** `produced` carries cached data made during warm-up, so that a respawned child can start from it. */
  | { t: "ready"; cache: Array<{ filename: string; status: CacheStatus }>; produced: Array<[string, Uint8Array]> }
  | { t: "fatal"; message: string }
  | { t: "effect"; id: number; json: string }
  | { t: "log"; id: number; json: string }
  | { t: "call"; id: number; callId: number; op: string; argsJson: string }
  | { t: "result"; id: number; outcome: ScriptOutcome }
  | { t: "idle"; replaced: string | null }
  /** The child answered its request and is exiting on purpose (a heap that hit its limit is not reused). */
  | { t: "retire"; reason: string };

/** The messages of SPEC §4.1 for a stopped script. */
export function limitMessage(kind: "cpu" | "wall" | "memory", n: number): string {
  if (kind === "cpu") return `ScriptTimeoutError: CPU limit of ${n} ms exceeded`;
  if (kind === "wall") return `ScriptTimeoutError: wall-clock limit of ${n} ms exceeded`;
  return `ScriptMemoryError: memory limit of ${n} MB exceeded`;
}
