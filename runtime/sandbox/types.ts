// Public types of the isolate pool (SPEC §6.10, §8.5): options, per-request handlers, outcomes and errors.
// Only plain data appears here; nothing from isolated-vm, so the HTTP process never needs to load it.

export interface ScriptSource {
  code: string;
  filename: string;
  /** V8 cached data produced by `produceCodeCache` (§8.6); ignored by V8 when stale. */
  cache?: Uint8Array;
}

export interface SandboxOptions {
  prelude: ScriptSource;
  /** slug → page script bundle */
  bundles: Map<string, ScriptSource>;
  /** passed to entry("init", initJson) in every new context */
  initJson: string;
  /** child processes (one isolate each) */
  isolates: number;
  memoryMb: number;
  scriptCpuMs: number;
  scriptWallMs: number;
  /** pre-created fresh contexts per isolate, default 2 */
  contextsPerIsolate?: number;
  /** default 1000; beyond it runScript rejects with QueueFullError */
  maxQueued?: number;
  /** default 10000; a request still queued after it rejects with QueueTimeoutError */
  queueTimeoutMs?: number;
  /** default 5000: how long past its wall limit a phase may run before its child is killed */
  watchdogGraceMs?: number;
  /** operational events (cache use, isolate replacement, child exits) for the server's log */
  onEvent?: (event: SandboxEvent) => void;
}

export type SandboxEvent =
  | { kind: "cache"; filename: string; status: "accepted" | "rejected" | "produced" | "none" }
  | { kind: "child-started"; child: number; pid: number }
  | { kind: "isolate-replaced"; child: number; reason: string }
  | { kind: "child-exit"; child: number; code: number | null; signal: string | null; stderr: string }
  | { kind: "child-failed"; child: number; message: string };

export interface ScriptHandlers {
  /** called for every effect, in order, as soon as the child reports it */
  effect(e: Record<string, unknown>): void;
  log(entry: { level: string; text: string }): void;
  /** host I/O (CRM, tokens), executed in the parent */
  call(op: string, args: unknown): Promise<unknown>;
}

export type ScriptOutcome =
  | { kind: "done" | "halted" }
  | { kind: "error" | "cpu" | "wall" | "memory" | "crashed"; message: string };

export interface SandboxStats {
  isolates: number;
  recycled: number;
  crashes: number;
  queued: number;
  busy: number;
}

export interface SandboxPool {
  /** resolves when every child is warm; rejects when a child cannot load the prelude or bundles */
  ready: Promise<void>;
  runScript(slug: string, inputJson: string, h: ScriptHandlers): Promise<ScriptOutcome>;
  stats(): SandboxStats;
  /** stops accepting work, lets queued and running requests finish, then ends the children */
  close(): Promise<void>;
}

export class QueueFullError extends Error {
  constructor(limit: number) {
    super(`pagec: request queue is full (${limit} requests waiting)`);
    this.name = "QueueFullError";
  }
}

export class QueueTimeoutError extends Error {
  constructor(ms: number) {
    super(`pagec: request waited more than ${ms} ms for an isolate`);
    this.name = "QueueTimeoutError";
  }
}

export class PoolClosedError extends Error {
  constructor() {
    super("pagec: the sandbox pool is closed");
    this.name = "PoolClosedError";
  }
}
