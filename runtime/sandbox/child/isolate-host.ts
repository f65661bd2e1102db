// One isolate of a sandbox child: the compiled prelude and bundles, and a small stock of fresh script
// contexts (SPEC §6.10). Each context is prepared per §8.5 (host References, prelude, entry("init")) and used once.
import ivm from "isolated-vm";
import type { ChildConfig, CacheStatus } from "../protocol.js";
import type { ScriptSource } from "../types.js";
import { compileWithCache } from "./compile.js";

/** Where the host functions of a context send their calls; swapped per request, null when nobody listens. */
export interface JobSink {
  effect(json: string): void;
  log(json: string): void;
  call(op: string, argsJson: string): Promise<string>;
}

export interface FreshContext {
  context: ivm.Context;
  entry: ivm.Reference<unknown>;
  bridge: { sink: JobSink | null };
  refs: Array<ivm.Reference<unknown>>;
}

const FINISHED = JSON.stringify({ ok: false, error: "pagec: the backend script has already finished" });

export class IsolateHost {
  readonly isolate: ivm.Isolate;
  private readonly prelude: ivm.Script;
  private readonly bundles: Map<string, ivm.Script>;
  private readonly stock: FreshContext[] = [];
  private readonly waiters: Array<{ resolve(c: FreshContext): void; reject(e: unknown): void }> = [];
  private filling = false;
  private disposed = false;

  private constructor(private readonly config: ChildConfig, isolate: ivm.Isolate, prelude: ivm.Script, bundles: Map<string, ivm.Script>) {
    this.isolate = isolate;
    this.prelude = prelude;
    this.bundles = bundles;
  }

  /** Builds an isolate, compiles everything (recording cache use in `caches`), and prepares the first contexts. */
  static async create(
    config: ChildConfig,
    caches: Map<string, Uint8Array>,
    onCatastrophe: (message: string) => void,
  ): Promise<{ host: IsolateHost; cache: Array<{ filename: string; status: CacheStatus }> }> {
    const isolate = new ivm.Isolate({ memoryLimit: config.memoryMb, onCatastrophicError: onCatastrophe });
    const report: Array<{ filename: string; status: CacheStatus }> = [];
    const compile = async (src: ScriptSource): Promise<ivm.Script> => {
      const known = caches.get(src.filename) ?? src.cache;
      const done = await compileWithCache(isolate, { ...src, cache: known });
      report.push({ filename: src.filename, status: done.status });
      if (done.status === "accepted" && known) caches.set(src.filename, known);
      else if (done.produced) caches.set(src.filename, done.produced);
      return done.script;
    };
    try {
      const prelude = await compile(config.prelude);
      const bundles = new Map<string, ivm.Script>();
      for (const [slug, src] of config.bundles) bundles.set(slug, await compile(src));
      const host = new IsolateHost(config, isolate, prelude, bundles);
      // The first context is prepared before the child says it is ready, so a failing prelude is caught at warm-up.
      host.stock.push(await host.prepare());
      host.refill();
      return { host, cache: report };
    } catch (e) {
      if (!isolate.isDisposed) isolate.dispose();
      throw e;
    }
  }

  bundle(slug: string): ivm.Script | undefined {
    return this.bundles.get(slug);
  }

  /** A fresh context, never used before; waits for one to be prepared when the stock is empty. */
  take(): Promise<FreshContext> {
    const ready = this.stock.shift();
    const result = ready ? Promise.resolve(ready) : new Promise<FreshContext>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.refill();
    return result;
  }

  /** Discards a used context; its host functions answer nobody from now on. */
  discard(c: FreshContext): void {
    c.bridge.sink = null;
    if (this.disposed || this.isolate.isDisposed) return;
    for (const r of c.refs) r.release();
    c.entry.release();
    c.context.release();
  }

  dispose(): void {
    this.disposed = true;
    if (!this.isolate.isDisposed) this.isolate.dispose();
    for (const w of this.waiters.splice(0)) w.reject(new Error("isolate disposed"));
  }

  /** Tops the stock up in the background, one context at a time. */
  private refill(): void {
    if (this.filling || this.disposed) return;
    const want = Math.max(1, this.config.contextsPerIsolate);
    if (this.stock.length >= want && this.waiters.length === 0) return;
    this.filling = true;
    this.prepare().then(
      (c) => {
        this.filling = false;
        const w = this.waiters.shift();
        if (w) w.resolve(c);
        else this.stock.push(c);
        this.refill();
      },
      (e) => {
        this.filling = false;
        for (const w of this.waiters.splice(0)) w.reject(e);
      },
    );
  }

  private async prepare(): Promise<FreshContext> {
    const context = await this.isolate.createContext();
    const bridge: { sink: JobSink | null } = { sink: null };
    // Only strings are accepted from the sandbox: anything else is dropped, so no user object reaches the host.
    const effect = new ivm.Reference((json: unknown) => {
      if (typeof json === "string") bridge.sink?.effect(json);
    });
    const call = new ivm.Reference((op: unknown, argsJson: unknown) => {
      const sink = bridge.sink;
      if (!sink || typeof op !== "string" || typeof argsJson !== "string") return Promise.resolve(FINISHED);
      return sink.call(op, argsJson);
    });
    const log = new ivm.Reference((json: unknown) => {
      if (typeof json === "string") bridge.sink?.log(json);
    });
    await context.evalClosure("globalThis.__pagecHost = { effect: $0, call: $1, log: $2 };", [effect, call, log]);
    const entry = (await this.prelude.run(context, { reference: true })) as ivm.Reference<unknown>;
    if (entry.typeof !== "function") throw new Error(`pagec: the prelude's completion value is a ${entry.typeof}, not the entry function`);
    await entry.apply(undefined, ["init", this.config.initJson], { result: { promise: true, copy: true } });
    return { context, entry, bridge, refs: [effect, call, log] as Array<ivm.Reference<unknown>> };
  }
}
