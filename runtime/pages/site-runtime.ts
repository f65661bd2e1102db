// Everything one served site needs at request time: the loaded dist, its isolate pool, the store, the session
// keys and the token replay cache. One per site; isolates and stores are never shared between sites.
import type { LoadedSite } from "../load-bundles.js";
import type { SandboxPool } from "../sandbox/index.js";
import type { Store } from "../store/index.js";
import type { TokenReplayCache } from "../session/index.js";

export interface SiteRuntime {
  loaded: LoadedSite;
  pool: SandboxPool | null;
  store: Store;
  keys: { cookieKey: Buffer; tokenKey: Buffer; tokensEnabled: boolean };
  replay: TokenReplayCache;
  /** Declared CRM entity slugs (site.json), for template CRM reads. */
  crmEntities: Set<string>;
}
