// Session records in pagec_sessions (SPEC §6.7): lazy creation, fixed lifetime from creation,
// rotation that moves the record to a new id, and one IMMEDIATE transaction per request's save.
import type { Database, Statement } from "./sqlite-driver.js";
import type { CommitResult, LoadedSession, SessionChanges } from "./types.js";
import { newSessionId } from "../session/cookie.js";
import {
  MAX_SESSION_BYTES,
  applySessionChanges,
  emptySessionState,
  isEmptySessionState,
  parseSessionState,
  serializeSessionState,
} from "./session-state.js";

interface SessionRow {
  data: string;
  created_at: number;
  expires_at: number;
}

export const DEFAULT_SESSION_TTL_SECONDS = 10_800;

function hasChanges(c: SessionChanges): boolean {
  return c.rotate || c.identity !== undefined || c.set.length > 0 || c.del.length > 0 || c.itemSet.length > 0 || c.itemDel.length > 0;
}

export class SqliteSessions {
  private readonly selectLive: Statement;
  private readonly insert: Statement;
  private readonly update: Statement;
  private readonly remove: Statement;
  private readonly purge: Statement;
  private readonly commitTx: (site: string, id: string | null, changes: SessionChanges, ttlMs: number, now: number) => CommitResult;

  constructor(db: Database) {
    this.selectLive = db.prepare("SELECT data, created_at, expires_at FROM pagec_sessions WHERE id = ? AND site = ? AND expires_at > ?");
    this.insert = db.prepare("INSERT INTO pagec_sessions (id, site, data, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
    this.update = db.prepare("UPDATE pagec_sessions SET data = ? WHERE id = ?");
    this.remove = db.prepare("DELETE FROM pagec_sessions WHERE id = ?");
    this.purge = db.prepare("DELETE FROM pagec_sessions WHERE expires_at <= ?");
    // IMMEDIATE: the record is re-read under the write lock, so two concurrent requests of one
    // visitor each apply their own changes and lose only a write to the same key (SPEC §6.7).
    const tx = db.transaction((site: string, id: string | null, changes: SessionChanges, ttlMs: number, now: number) =>
      this.commitIn(site, id, changes, ttlMs, now),
    );
    this.commitTx = (...args) => tx.immediate(...args);
  }

  load(site: string, id: string, now: number): LoadedSession | null {
    if (typeof id !== "string" || id === "") return null;
    const row = this.selectLive.get(id, site, now) as SessionRow | undefined;
    if (row === undefined) return null;
    return { state: parseSessionState(row.data), createdAt: row.created_at, expiresAt: row.expires_at };
  }

  commit(site: string, id: string | null, changes: SessionChanges, ttlSeconds: number, now: number): CommitResult {
    const ttl = Number.isFinite(ttlSeconds) && ttlSeconds > 0 ? ttlSeconds : DEFAULT_SESSION_TTL_SECONDS;
    return this.commitTx(site, id, changes, Math.floor(ttl * 1000), now);
  }

  purgeExpired(now: number): number {
    return this.purge.run(now).changes;
  }

  private commitIn(site: string, id: string | null, changes: SessionChanges, ttlMs: number, now: number): CommitResult {
    // An unknown, foreign or expired id counts as no session (SPEC §6.7); purging removes the old row.
    const row = id === null || id === "" ? undefined : (this.selectLive.get(id, site, now) as SessionRow | undefined);
    if (row !== undefined && id !== null && !hasChanges(changes)) return { id, expiresAt: row.expires_at, cookieNeeded: false };
    const base = row === undefined ? emptySessionState() : parseSessionState(row.data);
    const next = applySessionChanges(base, changes);
    // Lazy creation: a request whose changes leave a new session empty stores nothing.
    if (row === undefined && isEmptySessionState(next)) return null;
    const text = serializeSessionState(next);
    if (Buffer.byteLength(text, "utf8") > MAX_SESSION_BYTES) return { refused: "too-large" };
    if (row === undefined || id === null) {
      const newId = newSessionId();
      const expiresAt = now + ttlMs;
      this.insert.run(newId, site, text, now, expiresAt);
      return { id: newId, expiresAt, cookieNeeded: true };
    }
    if (changes.rotate) {
      // Rotation moves the record: same creation time and expiry (the lifetime never slides).
      const newId = newSessionId();
      this.insert.run(newId, site, text, row.created_at, row.expires_at);
      this.remove.run(id);
      return { id: newId, expiresAt: row.expires_at, cookieNeeded: true };
    }
    this.update.run(text, id);
    return { id, expiresAt: row.expires_at, cookieNeeded: false };
  }
}
