// produceCodeCache for the compiler (SPEC §8.6). isolated-vm needs --no-node-snapshot on Node 20, so when the
// current process lacks the flag the cache is produced by a short-lived child Node that has it.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function hasNoSnapshotFlag(): boolean {
  const opts = process.env.NODE_OPTIONS ?? "";
  return process.execArgv.includes("--no-node-snapshot") || /(^|\s)--no-node-snapshot(\s|$)/.test(opts);
}

// Runs in the helper process: reads {code, filename} on stdin, writes the cached data as base64 on stdout.
const HELPER = `
const ivm = require(process.argv[1]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const { code, filename } = JSON.parse(input);
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  const script = isolate.compileScriptSync(code, { filename, produceCachedData: true });
  const data = script.cachedData ? Buffer.from(script.cachedData.copy()) : Buffer.alloc(0);
  isolate.dispose();
  process.stdout.write(data.toString("base64"));
});
`;

function produceInProcess(code: string, filename: string): Uint8Array | null {
  const ivm = require("isolated-vm") as typeof import("isolated-vm");
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  try {
    const script = isolate.compileScriptSync(code, { filename, produceCachedData: true });
    const data = (script as { cachedData?: import("isolated-vm").ExternalCopy<ArrayBuffer> }).cachedData;
    return data ? new Uint8Array(data.copy()) : null;
  } finally {
    isolate.dispose();
  }
}

function produceInHelper(code: string, filename: string): Uint8Array | null {
  const ivmPath = require.resolve("isolated-vm");
  const r = spawnSync(process.execPath, ["--no-node-snapshot", "-e", HELPER, ivmPath], {
    input: JSON.stringify({ code, filename }),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0 || typeof r.stdout !== "string" || r.stdout.length === 0) return null;
  return new Uint8Array(Buffer.from(r.stdout, "base64"));
}

/** V8 cached data for `code`, or null when isolated-vm is unavailable or V8 produced none. */
export function produceCodeCache(code: string, filename: string): Uint8Array | null {
  try {
    require.resolve("isolated-vm");
  } catch {
    return null;
  }
  try {
    return hasNoSnapshotFlag() ? produceInProcess(code, filename) : produceInHelper(code, filename);
  } catch {
    return null;
  }
}
