// Shared helpers for the sandbox tests: build the repo once, make page bundles from unit bodies, and record
// everything a request reports.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ScriptHandlers, ScriptSource } from "../../runtime/sandbox/index.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));

export function buildRepo(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
}

export const prelude: ScriptSource = {
  code: readFileSync(new URL("./fixtures/test-prelude.js", import.meta.url), "utf8"),
  filename: "prelude.test.js",
};

/** A page bundle whose units are async functions with the given bodies (they see `input`). */
export function page(slug: string, ...units: string[]): [string, ScriptSource] {
  const fns = units.map((body) => `async (input) => {\n${body}\n}`).join(",\n");
  return [slug, { code: `__pagec_define(${JSON.stringify(slug)}, () => [${fns}]);\n`, filename: `pages/${slug}.js` }];
}

export interface Recorder extends ScriptHandlers {
  effects: Array<Record<string, unknown>>;
  logs: Array<{ level: string; text: string }>;
  calls: Array<{ op: string; args: unknown }>;
}

export function recorder(call?: (op: string, args: unknown) => Promise<unknown>): Recorder {
  const r: Recorder = {
    effects: [],
    logs: [],
    calls: [],
    effect: (e) => void r.effects.push(e),
    log: (l) => void r.logs.push(l),
    call: async (op, args) => {
      r.calls.push({ op, args });
      return call ? call(op, args) : null;
    },
  };
  return r;
}
