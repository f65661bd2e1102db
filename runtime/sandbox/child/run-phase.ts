// Runs one script phase in a fresh context under the CPU, wall-clock and memory limits (SPEC §4.1, §6.10).
// The first thing that ends the phase decides the outcome; a limit disposes the whole isolate.
import type { ScriptOutcome } from "../types.js";
import { limitMessage } from "../protocol.js";
import type { IsolateHost, JobSink } from "./isolate-host.js";

export interface PhaseLimits {
  scriptCpuMs: number;
  scriptWallMs: number;
  memoryMb: number;
}

export interface PhaseResult {
  outcome: ScriptOutcome;
  /** why the isolate must be replaced, or null when it is still healthy */
  replace: string | null;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

function isMemoryFailure(e: unknown): boolean {
  return e instanceof Error && /disposed during execution due to memory limit/i.test(e.message);
}

export async function runPhase(host: IsolateHost, slug: string, inputJson: string, sink: JobSink, limits: PhaseLimits): Promise<PhaseResult> {
  const script = host.bundle(slug);
  if (!script) return { outcome: { kind: "error", message: `pagec: no bundle for page "${slug}"` }, replace: null };
  const isolate = host.isolate;
  let ctx;
  try {
    ctx = await host.take();
  } catch (e) {
    return { outcome: { kind: "error", message: messageOf(e) }, replace: `context preparation failed: ${messageOf(e)}` };
  }
  ctx.bridge.sink = sink;
  const cpuStart = isolate.cpuTime;
  const cpuBudget = BigInt(limits.scriptCpuMs) * 1_000_000n;

  return new Promise<PhaseResult>((resolve) => {
    let settled = false;
    const finish = (r: PhaseResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(wallTimer);
      clearInterval(cpuTimer);
      ctx.bridge.sink = null;
      // Dispose before answering, so no code of this request can run once the parent has the outcome.
      if (r.replace) host.dispose();
      else host.discard(ctx);
      resolve(r);
    };
    const stop = (kind: "cpu" | "wall" | "memory"): void => {
      const n = kind === "memory" ? limits.memoryMb : kind === "cpu" ? limits.scriptCpuMs : limits.scriptWallMs;
      finish({ outcome: { kind, message: limitMessage(kind, n) }, replace: `${kind} limit` });
    };
    const wallTimer = setTimeout(() => stop("wall"), limits.scriptWallMs);
    // Polling keeps the check off the isolate's thread; 1/20 of the budget bounds the overshoot.
    const cpuTimer = setInterval(() => {
      if (isolate.isDisposed) return;
      if (isolate.cpuTime - cpuStart > cpuBudget) stop("cpu");
    }, Math.max(2, Math.min(20, Math.floor(limits.scriptCpuMs / 20))));

    (async () => {
      const completion = await script.run(ctx.context, { reference: true });
      (completion as { release(): void }).release();
      await ctx.entry.apply(undefined, ["script", inputJson], { result: { promise: true, copy: true } });
    })().then(
      () => finish({ outcome: { kind: "done" }, replace: null }),
      (e: unknown) => {
        if (settled) return;
        if (isolate.isDisposed || isMemoryFailure(e)) stop("memory");
        else finish({ outcome: { kind: "error", message: messageOf(e) }, replace: null });
      },
    );
  });
}
