// The normative SQLite schema (SPEC §6.8, verbatim) and the connection settings every store uses.
import type { Database } from "./sqlite-driver.js";

export const SCHEMA_VERSION = "1";

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS pagec_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);   -- ('schema_version','1')
CREATE TABLE IF NOT EXISTS pagec_sessions (
  id          TEXT PRIMARY KEY,          -- the 32-character session id
  site        TEXT NOT NULL,
  data        TEXT NOT NULL,             -- JSON {"data":{},"items":{},"customer":null,"customer_id":null,"email":null}
  created_at  INTEGER NOT NULL,          -- ms since epoch
  expires_at  INTEGER NOT NULL           -- ms since epoch
);
CREATE TABLE IF NOT EXISTS pagec_crm_entries (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,   -- creation order ("newest" = highest seq)
  id             TEXT NOT NULL UNIQUE,                -- UUID v4
  site           TEXT NOT NULL,
  entity         TEXT NOT NULL,
  reference_type TEXT NOT NULL,
  reference_id   TEXT NOT NULL,
  values_json    TEXT NOT NULL,                       -- JSON object of field values
  created_at     TEXT NOT NULL,                       -- ISO-8601 UTC with ms
  updated_at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pagec_crm_ref ON pagec_crm_entries (site, entity, reference_type, reference_id, seq);
`;

/** How long a writer waits for another process's lock before SQLITE_BUSY (runtimes may share a file). */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Sets the pragmas and creates the schema. Durability: in WAL mode a transaction is committed once
 * its frames are written to the -wal file with write(2), before the call returns. `synchronous =
 * NORMAL` only skips the fsync at commit, so a killed process (SIGKILL, crash, OOM) loses nothing
 * that was acknowledged — the data is in the OS page cache and is replayed from the WAL on the next
 * open. Only an OS crash or power loss can drop the last commits, which FULL would cost an fsync
 * per write to prevent; for session and CRM data served by one host that trade is the usual one.
 */
export function prepareDatabase(db: Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec(SCHEMA_SQL);
  const existing = db.prepare("SELECT value FROM pagec_meta WHERE key = 'schema_version'").get() as
    | { value: string }
    | undefined;
  if (existing === undefined) {
    db.prepare("INSERT OR IGNORE INTO pagec_meta (key, value) VALUES ('schema_version', ?)").run(SCHEMA_VERSION);
  } else if (existing.value !== SCHEMA_VERSION) {
    throw new Error(`pagec: the store has schema version ${existing.value}; this runtime supports version ${SCHEMA_VERSION}`);
  }
}
