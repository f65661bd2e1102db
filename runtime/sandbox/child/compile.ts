// Compiles the prelude and page bundles into one isolate, using V8 cached data when it is valid (SPEC §8.6).
// A rejected or missing cache is replaced by one produced here, kept in memory for the next isolate of the child.
import ivm from "isolated-vm";
import type { ScriptSource } from "../types.js";
import type { CacheStatus } from "../protocol.js";

export interface Compiled {
  script: ivm.Script;
  status: CacheStatus;
  /** freshly produced cached data, when V8 gave some */
  produced?: Uint8Array;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function compileWithCache(isolate: ivm.Isolate, src: ScriptSource): Promise<Compiled> {
  if (src.cache && src.cache.byteLength > 0) {
    const script = await isolate.compileScript(src.code, {
      filename: src.filename,
      cachedData: new ivm.ExternalCopy(toArrayBuffer(src.cache)),
    });
    if (!(script as { cachedDataRejected?: boolean }).cachedDataRejected) return { script, status: "accepted" };
    script.release();
  }
  // isolated-vm forbids cachedData and produceCachedData together, hence the second compile after a rejection.
  const script = await isolate.compileScript(src.code, { filename: src.filename, produceCachedData: true });
  const data = (script as { cachedData?: ivm.ExternalCopy<ArrayBuffer> }).cachedData;
  const produced = data ? new Uint8Array(data.copy()) : undefined;
  return { script, status: src.cache ? "rejected" : produced ? "produced" : "none", produced };
}

