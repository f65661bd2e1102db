// Parent-side supervisor of one sandbox child process: starts it, runs one job at a time on it, enforces the
// watchdog (kills a child still busy watchdogGraceMs past the wall limit) and respawns it after any death.
import { fork, type ChildProcess } from "node:child_process";
import type { ChildConfig, FromChild, ToChild } from "./protocol.js";
import { limitMessage } from "./protocol.js";
import type { Job } from "./job.js";
import type { SandboxEvent } from "./types.js";
import { childEntryPath } from "./child-path.js";

export interface WorkerHooks {
  graceMs: number;
  onIdle(w: ChildWorker): void;
  onReady(w: ChildWorker): void;
  onFailed(w: ChildWorker, message: string): void;
  onEvent(e: SandboxEvent): void;
  countCrash(): void;
  countRecycle(): void;
}

type State = "starting" | "idle" | "busy" | "dead" | "failed" | "closed";
const STDERR_TAIL = 4096;

export class ChildWorker {
  state: State = "dead";
  private proc: ChildProcess | null = null;
  private job: Job | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private respawnTimer: NodeJS.Timeout | null = null;
  private deathsInARow = 0;
  private stderrTail = "";
  private exited: Promise<void> = Promise.resolve();
  private retiring = false;

  constructor(readonly index: number, private readonly config: ChildConfig, private readonly hooks: WorkerHooks) {}

  start(): void {
    if (this.state === "closed" || this.state === "failed") return;
    this.state = "starting";
    this.stderrTail = "";
    const proc = fork(childEntryPath(), [], {
      execArgv: ["--no-node-snapshot"],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    this.proc = proc;
    if (proc.pid !== undefined) this.hooks.onEvent({ kind: "child-started", child: this.index, pid: proc.pid });
    proc.stderr?.setEncoding("utf8");
    proc.stderr?.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    proc.on("message", (m: unknown) => this.onMessage(proc, m as FromChild));
    // Sending to a child that is already dying raises EPIPE-style errors; the exit handler does the recovery.
    proc.on("error", () => undefined);
    this.exited = new Promise((resolve) => proc.once("exit", (code, signal) => {
      this.onExit(proc, code, signal);
      resolve();
    }));
    this.send({ t: "init", config: this.config });
  }

  run(job: Job): void {
    this.state = "busy";
    this.job = job;
    this.armWatchdog(this.config.scriptWallMs + this.hooks.graceMs);
    this.send({ t: "run", id: job.id, slug: job.slug, inputJson: job.inputJson });
  }

  /** Ends the child once it is idle (the pool only calls this after draining). */
  async shutdown(): Promise<void> {
    const wasStarted = this.proc !== null;
    this.state = "closed";
    if (this.respawnTimer) clearTimeout(this.respawnTimer);
    this.clearWatchdog();
    if (!wasStarted) return;
    this.send({ t: "shutdown" });
    const kill = setTimeout(() => this.proc?.kill("SIGKILL"), 2000);
    await this.exited;
    clearTimeout(kill);
  }

  private send(m: ToChild): void {
    const p = this.proc;
    if (p && p.connected) p.send(m, (err) => void err);
  }

  private onMessage(proc: ChildProcess, m: FromChild): void {
    if (proc !== this.proc) return;
    const job = this.job;
    switch (m.t) {
      case "ready":
        for (const c of m.cache) this.hooks.onEvent({ kind: "cache", filename: c.filename, status: c.status });
        this.adoptCaches(m.produced);
        this.deathsInARow = 0;
        this.state = "idle";
        this.hooks.onReady(this);
        this.hooks.onIdle(this);
        return;
      case "fatal":
        if (this.state === "starting") {
          // A prelude or bundle that cannot load fails the same way every time: do not respawn in a loop.
          this.state = "failed";
          this.hooks.onEvent({ kind: "child-failed", child: this.index, message: m.message });
          this.hooks.onFailed(this, m.message);
          proc.kill("SIGKILL");
        }
        return;
      case "effect":
        if (job && job.id === m.id) job.effect(m.json);
        return;
      case "log":
        if (job && job.id === m.id) job.log(m.json);
        return;
      case "call":
        if (job && job.id === m.id) {
          void job.call(m.op, m.argsJson).then((json) => {
            if (this.proc === proc) this.send({ t: "callResult", id: m.id, callId: m.callId, json });
          });
        }
        return;
      case "result":
        if (job && job.id === m.id) job.finish(m.outcome);
        // The child still cleans up (maybe rebuilding its isolate); that must not hang either.
        this.armWatchdog(this.hooks.graceMs);
        return;
      case "retire":
        // Expected exit: not a crash, no back-off; the exit handler starts the replacement at once.
        this.clearWatchdog();
        this.job = null;
        this.retiring = true;
        this.hooks.countRecycle();
        this.hooks.onEvent({ kind: "isolate-replaced", child: this.index, reason: `${m.reason} (process retired)` });
        return;
      case "idle":
        this.clearWatchdog();
        this.job = null;
        if (m.replaced) {
          this.hooks.countRecycle();
          this.hooks.onEvent({ kind: "isolate-replaced", child: this.index, reason: m.replaced });
        }
        if (this.state === "busy") {
          this.state = "idle";
          this.hooks.onIdle(this);
        }
        return;
    }
  }

  private onExit(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (proc !== this.proc) return;
    this.proc = null;
    this.clearWatchdog();
    const job = this.job;
    this.job = null;
    if (this.state === "closed") return;
    if (this.retiring) {
      this.retiring = false;
      this.state = "dead";
      this.start();
      return;
    }
    this.hooks.countCrash();
    this.hooks.onEvent({ kind: "child-exit", child: this.index, code, signal, stderr: this.stderrTail });
    // The child died under a running phase: with isolated-vm this is how some memory exhaustion ends (§6.10).
    job?.finish({ kind: "crashed", message: limitMessage("memory", this.config.memoryMb) });
    if (this.state === "failed") return;
    if (this.state === "starting" && this.deathsInARow >= 2) {
      // Three deaths in a row during warm-up (isolated-vm not loadable, a missing flag…): respawning cannot help.
      const message = `sandbox child exited during warm-up (${signal ?? `code ${code}`}): ${this.stderrTail.trim().slice(-500)}`;
      this.state = "failed";
      this.hooks.onEvent({ kind: "child-failed", child: this.index, message });
      this.hooks.onFailed(this, message);
      return;
    }
    this.state = "dead";
    const delay = this.deathsInARow === 0 ? 0 : Math.min(5000, 50 * 2 ** this.deathsInARow);
    this.deathsInARow++;
    this.respawnTimer = setTimeout(() => this.start(), delay);
  }

  /** Keeps cached data a child produced, so the next child of this pool compiles from it. */
  private adoptCaches(produced: Array<[string, Uint8Array]>): void {
    if (produced.length === 0) return;
    const byName = new Map(produced);
    const adopt = (src: ChildConfig["prelude"]): void => {
      const data = byName.get(src.filename);
      if (data) src.cache = data;
    };
    adopt(this.config.prelude);
    for (const [, src] of this.config.bundles) adopt(src);
  }

  private armWatchdog(ms: number): void {
    this.clearWatchdog();
    const proc = this.proc;
    this.watchdog = setTimeout(() => {
      if (proc !== this.proc || !proc) return;
      // The phase outlived its wall limit by the grace period: an uninterruptible built-in. Kill the process.
      this.job?.finish({ kind: "wall", message: limitMessage("wall", this.config.scriptWallMs) });
      proc.kill("SIGKILL");
    }, ms);
  }

  private clearWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}
