// `pagec bench [<site>] [--quick] [--out <dir>]`: runs the benchmark harness (benchmarks/run.mjs) in a child
// Node with --no-node-snapshot (isolated-vm needs it); with a site, measures that site instead of the suite.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, requireDir, UsageError } from "./main.js";

/** benchmarks/run.mjs of this package, found upwards from this module (works from compiler/ and build/). */
export function findHarness(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, "benchmarks", "run.mjs");
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export function benchArgs(args: string[]): string[] {
  const { values, positionals } = parse(args, { quick: { type: "boolean" }, out: { type: "string" }, only: { type: "string" } });
  if (positionals.length > 1) throw new UsageError("pagec bench takes at most one site directory");
  const out: string[] = [];
  if (positionals[0]) out.push("--site", resolve(requireDir(positionals[0], "site directory")));
  if (values.quick) out.push("--quick");
  if (values.out) out.push("--out", resolve(values.out));
  if (values.only) out.push("--only", values.only);
  return out;
}

export async function benchCommand(args: string[]): Promise<number> {
  const forwarded = benchArgs(args);
  const harness = findHarness();
  if (!harness) throw new UsageError("cannot find benchmarks/run.mjs next to this pagec installation");
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, ["--no-node-snapshot", harness, ...forwarded], { stdio: "inherit" });
    child.on("error", (e) => { process.stderr.write(`pagec: cannot start the benchmark: ${e.message}\n`); done(2); });
    child.on("exit", (code, signal) => done(code ?? (signal ? 2 : 0)));
  });
}
