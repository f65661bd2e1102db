// The SQLite Store (SPEC §6.8): one better-sqlite3 connection, short prepared statements, and a
// background purge of expired sessions. Every SQLite failure surfaces as "pagec: storage unavailable".
import type { CommitResult, CrmOp, LoadedSession, SessionChanges, Store } from "./types.js";
import { StorageUnavailableError } from "./types.js";
import { openDatabase } from "./sqlite-driver.js";
import { BUSY_TIMEOUT_MS, prepareDatabase } from "./schema.js";
import { SITE_ID_PATTERN, checkCrmOp, emptyCrmResult } from "./crm-validate.js";
import { SqliteCrm } from "./crm-sqlite.js";
import { SqliteSessions } from "./session-sqlite.js";

export interface SqliteStoreOptions {
  /** How often expired sessions are purged (SPEC §6.7: at least every 10 minutes). 0 turns it off. */
  purgeIntervalMs?: number;
}

export const DEFAULT_PURGE_INTERVAL_MS = 5 * 60 * 1000;

/** Runs a synchronous store step as a promise, mapping driver failures to the scripts' error. */
function attempt<T>(step: () => T): Promise<T> {
  try {
    return Promise.resolve(step());
  } catch (error) {
    if (error instanceof TypeError || error instanceof StorageUnavailableError) return Promise.reject(error);
    return Promise.reject(new StorageUnavailableError(error));
  }
}

function checkSite(site: unknown): void {
  if (typeof site !== "string" || !SITE_ID_PATTERN.test(site)) throw new TypeError(`pagec store: invalid site id ${JSON.stringify(site)}`);
}

/**
 * Opens (creating if needed) the database file and its schema. The file is created with WAL on;
 * calls made after `close()` reject with "pagec: storage unavailable".
 */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const db = openDatabase(file, BUSY_TIMEOUT_MS);
  try {
    prepareDatabase(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const crm = new SqliteCrm(db);
  const sessions = new SqliteSessions(db);
  let closed = false;
  const live = (): void => {
    if (closed) throw new StorageUnavailableError(new Error("the store is closed"));
  };

  const interval = options.purgeIntervalMs ?? DEFAULT_PURGE_INTERVAL_MS;
  const timer =
    interval > 0
      ? setInterval(() => {
          // A failed background purge is retried at the next tick; it must never crash the server.
          if (!closed) attempt(() => sessions.purgeExpired(Date.now())).catch(() => undefined);
        }, interval)
      : undefined;
  timer?.unref();

  const runCrm = (site: string, op: CrmOp): unknown => {
    live();
    checkSite(site);
    const check = checkCrmOp(op);
    if (check.kind === "malformed") throw new TypeError(`pagec store: invalid CRM op: ${check.reason}`);
    if (check.kind === "refused") return emptyCrmResult(check.fn);
    return crm.run(site, check.op);
  };
  return {
    crm(site: string, op: CrmOp): Promise<unknown> {
      return attempt(() => runCrm(site, op));
    },
    crmReadSync(site: string, op: CrmOp): unknown {
      if (!op.fn.startsWith("get")) throw new TypeError("pagec store: crmReadSync only reads");
      try {
        return runCrm(site, op);
      } catch (error) {
        if (error instanceof TypeError || error instanceof StorageUnavailableError) throw error;
        throw new StorageUnavailableError(error);
      }
    },
    loadSession(site: string, id: string, now: number = Date.now()): Promise<LoadedSession | null> {
      return attempt(() => {
        live();
        checkSite(site);
        return sessions.load(site, id, now);
      });
    },
    commitSession(site: string, id: string | null, changes: SessionChanges, ttlSeconds: number, now: number = Date.now()): Promise<CommitResult> {
      return attempt(() => {
        live();
        checkSite(site);
        return sessions.commit(site, id, changes, ttlSeconds, now);
      });
    },
    purgeExpired(now: number = Date.now()): Promise<number> {
      return attempt(() => {
        live();
        return sessions.purgeExpired(now);
      });
    },
    close(): Promise<void> {
      if (closed) return Promise.resolve();
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      return attempt(() => db.close());
    },
  };
}
