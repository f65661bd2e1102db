#!/usr/bin/env node
// pagec command-line entry. isolated-vm on Node >= 20 needs --no-node-snapshot, so re-execute with it when missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

if (!process.execArgv.includes("--no-node-snapshot")) {
  const r = spawnSync(process.execPath, ["--no-node-snapshot", ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? (r.signal ? 1 : 0));
}
const main = new URL("../build/compiler/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error("pagec: build/ is missing; run `npm run build` (npm ci runs it automatically)");
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
