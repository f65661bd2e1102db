// The pagec CLI (SPEC §1.3): build, check, serve, lsp, bench. Returns the exit code; usage errors are 2.
import { parseArgs } from "node:util";
import { existsSync, statSync } from "node:fs";
import { PAGEC_VERSION } from "../build/package-files.js";
import { buildCommand } from "./build-command.js";
import { checkCommand } from "./check-command.js";

const HELP = `pagec ${PAGEC_VERSION} — compile, check and serve pages with backend scripts

Usage:
  pagec build <site> [--out <dir>] [--watch] [--format pretty|json|sarif] [--no-code-cache] [--no-precompile-schemas]
  pagec check <site|files...> [--format pretty|json|sarif] [--strict]
  pagec serve <site|dist> [--port 3000] [--host 127.0.0.1] [--db <file.sqlite>] [--watch] [--debug] [--isolates N]
  pagec lsp [--stdio]
  pagec bench [<site>] [--quick]
  pagec --version

Run \`pagec <command> --help\` for the options of one command.`;

export class UsageError extends Error {}

export async function run(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") { process.stdout.write(HELP + "\n"); return cmd ? 0 : 2; }
    if (cmd === "--version" || cmd === "-v") { process.stdout.write(PAGEC_VERSION + "\n"); return 0; }
    if (rest.includes("--help") || rest.includes("-h")) { process.stdout.write(HELP + "\n"); return 0; }
    switch (cmd) {
      case "build": return await buildCommand(rest);
      case "check": return await checkCommand(rest);
      case "serve": return await (await import("./serve-command.js")).serveCommand(rest);
      case "lsp": return await (await import("../lsp/server.js")).startLsp(rest);
      case "bench": return await (await import("./bench-command.js")).benchCommand(rest);
      default: throw new UsageError(`unknown command \`${cmd}\``);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`pagec: ${(e as Error).message}\n\n${HELP}\n`);
      return 2;
    }
    process.stderr.write(`pagec: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

export function parse<T extends Record<string, { type: "string" | "boolean"; default?: string | boolean; multiple?: boolean }>>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

export function requireDir(path: string | undefined, what: string): string {
  if (!path) throw new UsageError(`missing ${what}`);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`${what} \`${path}\` is not a directory`);
  return path;
}

export function formatOption(v: unknown): "pretty" | "json" | "sarif" {
  if (v === undefined) return "pretty";
  if (v === "pretty" || v === "json" || v === "sarif") return v;
  throw new UsageError(`--format must be pretty, json or sarif`);
}
