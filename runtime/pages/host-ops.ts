// Host operations a script calls through `call(op, argsJson)` (SPEC §8.5): CRM (with the per-call timeout
// and `async` writes deferred until after the script phase) and session hand-off tokens.
import { mintToken, openToken } from "../session/index.js";
import type { SiteRuntime } from "./site-runtime.js";
import type { CrmOp } from "../store/index.js";

export class HostCallTimeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("pagec: storage timeout")), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

export function hostOps(rt: SiteRuntime, deferred: CrmOp[]) {
  const site = rt.loaded.site;
  return async (op: string, args: unknown): Promise<unknown> => {
    const a = (args ?? {}) as Record<string, unknown>;
    switch (op) {
      case "crm": {
        const crmOp = a as unknown as CrmOp & { async?: boolean };
        if (crmOp.async) {
          const { async: _a, ...rest } = crmOp;
          deferred.push(rest as CrmOp);
          return crmOp.fn === "clearCrmEntries" ? { ok: true, deleted: 0 } : true;
        }
        try {
          return await withTimeout(rt.store.crm(site.id, crmOp), site.limits.hostCallTimeoutMs ?? 5000);
        } catch (e) {
          // Curated messages only: no host paths, SQL or stacks cross into the sandbox (SECURITY A4).
          const msg = (e as Error).message;
          throw new Error(msg === "pagec: storage timeout" ? msg : "pagec: storage unavailable");
        }
      }
      case "token.mint":
        if (!rt.keys.tokensEnabled) return null;
        return mintToken(a.identity as never, site.id, rt.keys.tokenKey, Number(a.ttl ?? 60));
      case "token.open": {
        if (!rt.keys.tokensEnabled || typeof a.token !== "string") return null;
        const r = openToken(a.token, site.id, rt.keys.tokenKey, rt.replay);
        return r ? r.identity : null;
      }
      default:
        throw new Error(`pagec: unknown host operation`);
    }
  };
}
