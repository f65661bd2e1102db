// Builds the per-site runtime: the isolate pool (only when some page has backend scripts, so static sites
// never start a child process), the session keys and the replay cache.
import { availableParallelism } from "node:os";
import type { LoadedSite } from "./load-bundles.js";
import { createSandboxPool, type SandboxPool, type SandboxEvent } from "./sandbox/index.js";
import { deriveKeys, sessionSecret, TokenReplayCache } from "./session/index.js";
import type { Store } from "./store/index.js";
import type { SiteRuntime } from "./pages/site-runtime.js";

export interface RuntimeOptions { isolates?: number; warn(msg: string): void; onEvent?(e: SandboxEvent): void }

export async function startPool(loaded: LoadedSite, opts: RuntimeOptions): Promise<SandboxPool | null> {
  const bundles = new Map<string, { code: string; filename: string; cache?: Uint8Array }>();
  for (const r of loaded.routes) if (r.script) bundles.set(r.entry.slug, { code: r.script.code, filename: r.script.filename, cache: r.script.cache });
  if (!bundles.size) return null;
  const limits = loaded.site.limits;
  const pool = createSandboxPool({
    prelude: loaded.prelude,
    bundles,
    initJson: JSON.stringify({ formatVersion: 1, kind: "script", site: loaded.site, variables: loaded.variables }),
    isolates: opts.isolates ?? Math.min(availableParallelism(), 8),
    memoryMb: limits.isolateMemoryMb ?? 128,
    scriptCpuMs: limits.scriptCpuMs ?? 10000,
    scriptWallMs: limits.scriptWallMs ?? 30000,
    onEvent: opts.onEvent,
  });
  await pool.ready;
  return pool;
}

// One replay cache per runtime process (SPEC §4.4.4), shared by swaps so a token cannot be replayed across them.
const replay = new TokenReplayCache(10000);

export async function createSiteRuntime(loaded: LoadedSite, store: Store, opts: RuntimeOptions): Promise<SiteRuntime> {
  const { secret, fromEnv } = sessionSecret(process.env, loaded.site.session.secretEnv, opts.warn);
  const keys = deriveKeys(secret, loaded.site.id);
  const crmEntities = new Set(loaded.site.crm.entities.map((e) => e.slug));
  return { loaded, store, pool: await startPool(loaded, opts), keys: { ...keys, tokensEnabled: fromEnv }, replay, crmEntities };
}
