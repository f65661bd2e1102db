#!/usr/bin/env node
// pagec command-line entry. isolated-vm on Node >= 20 needs --no-node-snapshot, so re-execute with it when
// missing; the wrapper forwards signals so `serve` still shuts down gracefully and exits with its own code.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

if (!process.execArgv.includes("--no-node-snapshot")) {
  const child = spawn(process.execPath, ["--no-node-snapshot", ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const main = new URL("../build/compiler/cli/main.js", import.meta.url);
  if (!existsSync(fileURLToPath(main))) {
    console.error("pagec: build/ is missing; run `npm run build` (npm ci runs it automatically)");
    process.exit(2);
  }
  const { run } = await import(main.href);
  const code = await run(process.argv.slice(2));
  // Commands that leave handles open (serve, lsp) resolve only when they are done.
  process.exit(code);
}
