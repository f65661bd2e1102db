// Test harness: builds the prelude in memory exactly as scripts/build.mjs does, loads it into a real
// isolated-vm isolate, and runs hand-written page bundles with References backed by test arrays.
import { build } from "esbuild";
import ivm from "isolated-vm";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export async function buildPrelude(): Promise<string> {
  const out = await build({
    entryPoints: [root + "compiler/prelude/index.ts"],
    write: false,
    bundle: true,
    format: "iife",
    globalName: "__pagec_prelude",
    platform: "neutral",
    target: "es2022",
    logLevel: "silent",
    footer: { js: "__pagec_prelude.entry;" },
  });
  return out.outputFiles[0].text;
}

export const SITE = {
  id: "fittrack",
  crm: { entities: [{ slug: "tracker", fields: [{ key: "weight" }] }, { slug: "notes", fields: [] }] },
  session: { cookieName: "pagec_sid", ttlSeconds: 10800, secretEnv: "PAGEC_SESSION_SECRET" },
  limits: { maxLogEntries: 200 },
};

export interface RunOptions {
  /** The body of the bundle's units, one string per unit. */
  units: string[];
  request?: Record<string, unknown>;
  session?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  site?: Record<string, unknown>;
  /** The fake host: answers an op with a result (or throws to answer ok:false). */
  host?: (op: string, args: any) => unknown;
  /** Accept a rejection of the entry("script") apply (isolated-vm's unhandled-rejection rule). */
  allowApplyError?: boolean;
  /** Extra code evaluated after the bundle, before entry("script") (e.g. inspection helpers). */
  bundle?: string;
}
export interface Run {
  effects: any[];
  logs: { level: string; text: string }[];
  calls: { op: string; args: any }[];
  context: ivm.Context;
  applyError: unknown;
  /** Evaluates code in the context after the script phase and returns its JSON-copied result. */
  evalAfter(code: string): Promise<any>;
}

export const DEFAULT_REQUEST = {
  method: "GET", path: "/p", protocol: "http", query: {}, headers: {}, body: null, ip: "127.0.0.1", ip6: null,
  cookies: {}, is_mobile: false, is_tablet: false, route_params: null, route_slug: null,
};
export const EMPTY_SESSION = { exists: false, data: {}, items: {}, customer: null, customer_id: null, email: null };

export class Sandbox {
  private isolate = new ivm.Isolate({ memoryLimit: 64 });
  private script!: ivm.Script;

  async load(): Promise<void> {
    this.script = await this.isolate.compileScript(await buildPrelude(), { filename: "prelude.js" });
  }

  dispose(): void {
    this.isolate.dispose();
  }

  async run(o: RunOptions): Promise<Run> {
    const effects: any[] = [], logs: { level: string; text: string }[] = [], calls: { op: string; args: any }[] = [];
    const context = await this.isolate.createContext();
    const effect = new ivm.Reference((json: string) => { effects.push(JSON.parse(json)); });
    const log = new ivm.Reference((json: string) => { logs.push(JSON.parse(json)); });
    const call = new ivm.Reference(async (op: string, argsJson: string) => {
      const args = JSON.parse(argsJson);
      calls.push({ op, args });
      try {
        const result = o.host ? o.host(op, args) : null;
        return JSON.stringify({ ok: true, result: result === undefined ? null : result });
      } catch (e) {
        return JSON.stringify({ ok: false, error: (e as Error).message });
      }
    });
    await context.evalClosure("globalThis.__pagecHost = { effect: $0, call: $1, log: $2 };", [effect, call, log]);
    const entry = (await this.script.run(context, { reference: true })) as ivm.Reference<any>;
    const init = { formatVersion: 1, kind: "script", site: o.site ?? SITE, variables: o.variables ?? {} };
    await entry.apply(undefined, ["init", JSON.stringify(init)], { result: { promise: true, copy: true } });
    const units = o.units.map((u) => `async function () {\n${u}\n}`).join(",\n");
    await context.eval(`"use strict";\n__pagec_define("p", function (__pc) { return [${units}]; });\n${o.bundle ?? ""}`);
    const input = { page: "p", requestId: "r1", request: { ...DEFAULT_REQUEST, ...(o.request ?? {}) }, session: { ...EMPTY_SESSION, ...(o.session ?? {}) } };
    let applyError: unknown = undefined;
    try {
      await entry.apply(undefined, ["script", JSON.stringify(input)], { result: { promise: true, copy: true }, timeout: 5000 });
    } catch (e) {
      // isolated-vm turns an unhandled rejection inside the task into a rejection of the apply itself.
      if (!o.allowApplyError) throw e;
      applyError = e;
    }
    return {
      effects, logs, calls, context, applyError,
      evalAfter: async (code: string) => {
        const text = await context.eval(`JSON.stringify((() => { ${code} })())`, { timeout: 1000 });
        return text === undefined ? undefined : JSON.parse(text as string);
      },
    };
  }
}

/** Wraps `code` so that its result lands in a `var` effect named "out" (the usual way tests observe values). */
export function out(expr: string): string {
  return `setVariable("out", ${expr});`;
}

// Walks everything reachable from globalThis (own properties, accessors, prototypes; the pagec live getters are
// read) and lists paths to objects that look like isolated-vm objects.
export const WALK = `
  const IVM = ["Reference", "ExternalCopy", "Callback", "NativeModule", "Isolate", "Context", "Script", "Module"];
  const seen = new Set(); const found = []; const queue = [[globalThis, "globalThis"]];
  const looksIvm = (o) => {
    for (let p = o; p !== null; p = Object.getPrototypeOf(p)) {
      const d = Object.getOwnPropertyDescriptor(p, "constructor");
      if (d && typeof d.value === "function" && IVM.includes(d.value.name) && d.value !== Function && d.value !== Object) return true;
      if (Object.getOwnPropertyDescriptor(p, "applySync") || Object.getOwnPropertyDescriptor(p, "applySyncPromise") || Object.getOwnPropertyDescriptor(p, "copyInto")) return true;
    }
    return false;
  };
  while (queue.length) {
    const [o, path] = queue.shift();
    if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
    seen.add(o);
    try {
    if (looksIvm(o)) found.push(path);
    queue.push([Object.getPrototypeOf(o), path + ".__proto__"]);
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      const name = path + "." + String(k);
      if ("value" in d) queue.push([d.value, name]);
      else {
        queue.push([d.get, name + "#get"]); queue.push([d.set, name + "#set"]);
        if (o === globalThis) { try { queue.push([d.get.call(o), name]); } catch {} }
      }
    }
    } catch (e) { found.push(path + " (inspection threw: " + e.message + ")"); }
  }
  return { found, count: seen.size };
`;
