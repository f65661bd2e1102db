// One runScript request as the parent sees it: its handlers, the effects it has received, and its single
// resolution. The parent decides `halted` and `error` from the effects it holds, since it is the authority (§8.5).
import type { ScriptHandlers, ScriptOutcome } from "./types.js";

export class Job {
  private done = false;
  private respondSeen = false;
  private errorSeen: string | null = null;
  queueTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: number,
    readonly slug: string,
    readonly inputJson: string,
    readonly h: ScriptHandlers,
    private readonly resolveFn: (o: ScriptOutcome) => void,
    private readonly rejectFn: (e: Error) => void,
  ) {}

  get settled(): boolean {
    return this.done;
  }

  /** Parses one effect reported by the sandbox and hands it on; malformed effects are dropped. */
  effect(json: string): void {
    const rec = this.done ? null : parseRecord(json);
    if (!rec) return;
    if (rec.t === "respond" && !this.errorSeen) this.respondSeen = true;
    if (rec.t === "error" && !this.respondSeen && this.errorSeen === null) {
      this.errorSeen = `${String(rec.name ?? "Error")}: ${String(rec.message ?? "")}`;
    }
    try {
      this.h.effect(rec);
    } catch {
      // A failing handler must not stop the stream of later effects.
    }
  }

  log(json: string): void {
    const rec = this.done ? null : parseRecord(json);
    if (!rec) return;
    const { level, text } = rec as { level?: unknown; text?: unknown };
    if (typeof level !== "string" || typeof text !== "string") return;
    try {
      this.h.log({ level, text });
    } catch {
      // ignored for the same reason as in effect()
    }
  }

  /** Runs a host call; always answers with the §8.5 envelope, never throws. */
  async call(op: string, argsJson: string): Promise<string> {
    if (this.done) return JSON.stringify({ ok: false, error: "pagec: the backend script has already finished" });
    try {
      const args: unknown = JSON.parse(argsJson);
      const result = await this.h.call(op, args);
      return JSON.stringify({ ok: true, result: result === undefined ? null : result });
    } catch (e) {
      return JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Settles the request; a `done` from the child becomes `halted` or `error` according to the effects seen. */
  finish(o: ScriptOutcome): void {
    if (this.done) return;
    this.done = true;
    if (this.queueTimer) clearTimeout(this.queueTimer);
    let out = o;
    if (o.kind === "done") {
      if (this.respondSeen) out = { kind: "halted" };
      else if (this.errorSeen !== null) out = { kind: "error", message: this.errorSeen };
    }
    this.resolveFn(out);
  }

  fail(e: Error): void {
    if (this.done) return;
    this.done = true;
    if (this.queueTimer) clearTimeout(this.queueTimer);
    this.rejectFn(e);
  }
}

/** A JSON object reported by the sandbox, or null for anything malformed (dropped, never thrown). */
function parseRecord(json: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
