// The runtime's storage layer: the Store contract and its SQLite implementation (SPEC §4.5, §6.7, §6.8).
export type { CrmOp, CrmEntry, SessionState, SessionIdentity, SessionChanges, LoadedSession, CommitResult, Store } from "./types.js";
export { StorageUnavailableError } from "./types.js";
export { openSqliteStore, DEFAULT_PURGE_INTERVAL_MS, type SqliteStoreOptions } from "./sqlite-store.js";
export { SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";
export { checkCrmOp, emptyCrmResult, isValidCrmValue, isValidReferenceId, clampLimit } from "./crm-validate.js";
export {
  MAX_SESSION_BYTES,
  emptySessionState,
  parseSessionState,
  serializeSessionState,
  sessionRecordBytes,
  applySessionChanges,
} from "./session-state.js";
