// The isolate pool: N supervised children, one FIFO queue across them, and the public SandboxPool face.
// A job waits in the queue until a child is idle; queue length and waiting time are bounded (§9).
import { ChildWorker } from "./child-worker.js";
import { Job } from "./job.js";
import type { ChildConfig } from "./protocol.js";
import {
  PoolClosedError,
  QueueFullError,
  QueueTimeoutError,
  type SandboxOptions,
  type SandboxPool,
  type ScriptHandlers,
  type ScriptOutcome,
} from "./types.js";

export function createSandboxPool(opts: SandboxOptions): SandboxPool {
  const count = Math.max(1, Math.floor(opts.isolates));
  const maxQueued = opts.maxQueued ?? 1000;
  const queueTimeoutMs = opts.queueTimeoutMs ?? 10000;
  // Copies of the sources: the workers attach caches they learn to them without touching the caller's objects.
  const config: ChildConfig = {
    prelude: { ...opts.prelude },
    bundles: [...opts.bundles].map(([slug, src]) => [slug, { ...src }]),
    initJson: opts.initJson,
    memoryMb: opts.memoryMb,
    scriptCpuMs: opts.scriptCpuMs,
    scriptWallMs: opts.scriptWallMs,
    contextsPerIsolate: opts.contextsPerIsolate ?? 2,
  };
  const onEvent = opts.onEvent ?? (() => undefined);
  const queue: Job[] = [];
  const idle: ChildWorker[] = [];
  let nextId = 1;
  let recycled = 0;
  let crashes = 0;
  let closing = false;
  let fatal: string | null = null;
  let drained: (() => void) | null = null;

  let readyCount = 0;
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  // Callers may never await `ready`; a warm-up failure must not become an unhandled rejection.
  ready.catch(() => undefined);
  const seen = new Set<ChildWorker>();

  const busyCount = (): number => workers.filter((w) => w.state === "busy").length;

  const dispatch = (): void => {
    while (queue.length > 0 && idle.length > 0) {
      const w = idle.shift()!;
      if (w.state !== "idle") continue;
      const job = queue.shift()!;
      if (job.queueTimer) clearTimeout(job.queueTimer);
      w.run(job);
    }
    if (closing && drained && queue.length === 0 && busyCount() === 0) drained();
  };

  const workers: ChildWorker[] = Array.from({ length: count }, (_, i) =>
    new ChildWorker(i, config, {
      graceMs: opts.watchdogGraceMs ?? 5000,
      onIdle: (w) => {
        if (!idle.includes(w)) idle.push(w);
        dispatch();
      },
      onReady: (w) => {
        if (seen.has(w)) return;
        seen.add(w);
        if (++readyCount === count) resolveReady();
      },
      onFailed: (_w, message) => {
        fatal = message;
        rejectReady(new Error(`pagec: sandbox warm-up failed: ${message}`));
        if (workers.every((x) => x.state === "failed")) {
          for (const j of queue.splice(0)) j.finish({ kind: "error", message });
        }
      },
      onEvent,
      countCrash: () => void crashes++,
      countRecycle: () => void recycled++,
    }),
  );
  for (const w of workers) w.start();

  const runScript = (slug: string, inputJson: string, h: ScriptHandlers): Promise<ScriptOutcome> => {
    if (closing) return Promise.reject(new PoolClosedError());
    if (!opts.bundles.has(slug)) return Promise.resolve({ kind: "error", message: `pagec: no bundle for page "${slug}"` });
    if (fatal !== null && workers.every((w) => w.state === "failed")) return Promise.resolve({ kind: "error", message: fatal });
    const canStartNow = queue.length === 0 && idle.some((w) => w.state === "idle");
    if (!canStartNow && queue.length >= maxQueued) return Promise.reject(new QueueFullError(maxQueued));
    return new Promise<ScriptOutcome>((resolve, reject) => {
      const job = new Job(nextId++, slug, inputJson, h, resolve, reject);
      queue.push(job);
      if (!canStartNow) {
        job.queueTimer = setTimeout(() => {
          const at = queue.indexOf(job);
          if (at < 0) return;
          queue.splice(at, 1);
          job.fail(new QueueTimeoutError(queueTimeoutMs));
        }, queueTimeoutMs);
      }
      dispatch();
    });
  };

  const close = async (): Promise<void> => {
    if (!closing) {
      closing = true;
      // Requests already accepted finish first (hot swap disposes the old group only after they are done, §6.12).
      if (queue.length > 0 || busyCount() > 0) await new Promise<void>((res) => (drained = res));
    }
    await Promise.all(workers.map((w) => w.shutdown()));
  };

  return {
    ready,
    runScript,
    stats: () => ({ isolates: count, recycled, crashes, queued: queue.length, busy: busyCount() }),
    close,
  };
}
