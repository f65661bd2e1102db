// Entry of a sandbox child process (run as build/runtime/sandbox/child/main.js with --no-node-snapshot).
// It owns one isolate, runs one phase at a time for the parent, and streams effects, logs and host calls over IPC.
import type { ChildConfig, FromChild, ToChild } from "../protocol.js";
import { IsolateHost, type JobSink } from "./isolate-host.js";
import { runPhase } from "./run-phase.js";

function send(m: FromChild): void {
  if (process.connected) process.send!(m);
}

/** The child's whole state, in one place; the process is the unit of isolation, so this is its only instance. */
class Child {
  private host: IsolateHost | null = null;
  private config: ChildConfig | null = null;
  private readonly caches = new Map<string, Uint8Array>();
  private readonly pendingCalls = new Map<number, (json: string) => void>();
  private nextCallId = 1;
  private busy = false;

  async init(config: ChildConfig): Promise<void> {
    this.config = config;
    try {
      const { host, cache } = await IsolateHost.create(config, this.caches, (m) => this.catastrophe(m));
      this.host = host;
      const fresh = new Set(cache.filter((c) => c.status !== "accepted").map((c) => c.filename));
      const produced = [...this.caches].filter(([f]) => fresh.has(f));
      send({ t: "ready", cache, produced });
    } catch (e) {
      send({ t: "fatal", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }

  async run(id: number, slug: string, inputJson: string): Promise<void> {
    if (!this.host || !this.config || this.busy) {
      send({ t: "result", id, outcome: { kind: "error", message: "pagec: sandbox child is not ready" } });
      send({ t: "idle", replaced: null });
      return;
    }
    this.busy = true;
    const callIds: number[] = [];
    const sink: JobSink = {
      effect: (json) => send({ t: "effect", id, json }),
      log: (json) => send({ t: "log", id, json }),
      call: (op, argsJson) =>
        new Promise<string>((resolve) => {
          const callId = this.nextCallId++;
          callIds.push(callId);
          this.pendingCalls.set(callId, resolve);
          send({ t: "call", id, callId, op, argsJson });
        }),
    };
    const { outcome, replace } = await runPhase(this.host, slug, inputJson, sink, this.config);
    // Host calls still awaited by a stopped phase are answered so nothing stays blocked on them.
    for (const c of callIds) {
      this.pendingCalls.get(c)?.(JSON.stringify({ ok: false, error: "pagec: the backend script has already finished" }));
      this.pendingCalls.delete(c);
    }
    send({ t: "result", id, outcome });
    if (outcome.kind === "memory") {
      // After a memory stop isolated-vm may abort the whole process a little later, while serving an innocent
      // request (seen with a Map grown in a loop). Retire this process instead; the parent starts a fresh one.
      // CPU stops (infinite loops) only replace the isolate: a respawn per loop would cost far more.
      send({ t: "retire", reason: replace ?? "memory limit" });
      process.exit(0);
    }
    if (replace) await this.replaceIsolate();
    this.busy = false;
    send({ t: "idle", replaced: replace });
  }

  callResult(callId: number, json: string): void {
    const resolve = this.pendingCalls.get(callId);
    this.pendingCalls.delete(callId);
    resolve?.(json);
  }

  private async replaceIsolate(): Promise<void> {
    this.host?.dispose();
    this.host = null;
    try {
      this.host = (await IsolateHost.create(this.config!, this.caches, (m) => this.catastrophe(m))).host;
    } catch (e) {
      // An isolate that could be built at warm-up but not now leaves the process unusable: let the parent respawn it.
      send({ t: "fatal", message: e instanceof Error ? e.message : String(e) });
      process.exit(70);
    }
  }

  private catastrophe(message: string): void {
    process.stderr.write(`pagec sandbox: catastrophic isolate error: ${message}\n`);
    process.abort();
  }
}

const child = new Child();
process.on("message", (raw: unknown) => {
  const m = raw as ToChild;
  if (m.t === "init") void child.init(m.config);
  else if (m.t === "run") void child.run(m.id, m.slug, m.inputJson);
  else if (m.t === "callResult") child.callResult(m.callId, m.json);
  else if (m.t === "shutdown") process.exit(0);
});
// The parent going away (crash, kill) must not leave orphaned sandboxes behind.
process.on("disconnect", () => process.exit(0));
