// The only holder of the isolated-vm References (SPEC §8.5). They live in this closure; what leaves it are three
// plain functions that take and give strings, so no Reference is ever reachable from user code.
import { jsonParse, reflectApply, nullObj, toStr } from "./intrinsics.js";
import { encodeJson } from "./json.js";

export interface Host {
  /** Reports one effect record (`{ t, … }`) the moment it happens. */
  effect(record: object): void;
  /** A host operation; returns the parsed `result`, or throws Error(error) when the host answers ok:false. */
  call(op: string, args: object): unknown;
  /** Writes one execution-log entry, unconditionally (caps are applied by the caller). */
  log(level: string, text: string): void;
}

interface RawRef { applySync: Function; applySyncPromise: Function; applyIgnored: Function }

/** Captures `raw.effect/call/log` and their methods once; later tampering with them has no effect. */
export function createHost(raw: unknown): Host {
  const h = (raw ?? {}) as { effect?: RawRef; call?: RawRef; log?: RawRef };
  const effectRef = h.effect, callRef = h.call, logRef = h.log;
  const applySync = effectRef ? effectRef.applySync : undefined;
  const applySyncPromise = callRef ? callRef.applySyncPromise : undefined;
  const applyIgnored = logRef ? logRef.applyIgnored : undefined;
  return nullObj({
    effect(record: object): void {
      if (!applySync) return;
      reflectApply(applySync, effectRef, [undefined, [encodeJson(record)]]);
    },
    call(op: string, args: object): unknown {
      if (!applySyncPromise) throw new Error("pagec: storage unavailable");
      const answer = reflectApply(applySyncPromise, callRef, [undefined, [op, encodeJson(args)]]);
      let parsed: { ok?: unknown; result?: unknown; error?: unknown } | null;
      try {
        parsed = jsonParse(toStr(answer));
      } catch {
        parsed = null;
      }
      if (parsed === null || typeof parsed !== "object") throw new Error("pagec: storage unavailable");
      if (parsed.ok !== true) throw new Error(typeof parsed.error === "string" ? parsed.error : "pagec: storage unavailable");
      return parsed.result === undefined ? null : parsed.result;
    },
    log(level: string, text: string): void {
      if (!applyIgnored) return;
      reflectApply(applyIgnored, logRef, [undefined, [encodeJson({ level, text })]]);
    },
  });
}
