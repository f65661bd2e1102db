// The Store contract shared by the runtime and every storage backend (SQLite now, PostgreSQL later).
// Promise-based on purpose: a network database must be able to implement it without changing callers.

/** A `crm` host operation (SPEC §8.5), already normalised by the sandbox; the store re-validates it. */
export interface CrmOp {
  fn:
    | "getCrmEntries"
    | "getCrmField"
    | "getCrmFields"
    | "getCrmFieldValues"
    | "setCrmField"
    | "setCrmFields"
    | "addCrmFieldValue"
    | "clearCrmEntries";
  entity: string;
  referenceType: string;
  referenceId: string;
  fieldKey?: string;
  fieldKeys?: string[];
  fields?: { fieldKey: string; value: unknown }[];
  value?: unknown;
  limit?: number;
  force?: boolean;
}

/** One entry as `getCrmEntries` returns it (SPEC §4.5.2). */
export interface CrmEntry {
  id: string;
  reference_type: string;
  reference_id: string;
  values_flat: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** The stored session record; `data`, `items` and `customer` are null-prototype objects. */
export interface SessionState {
  data: Record<string, unknown>;
  items: Record<string, string | number>;
  customer: Record<string, unknown> | null;
  customer_id: string | null;
  email: string | null;
}

export interface SessionIdentity {
  customer: Record<string, unknown> | null;
  customer_id: string | null;
  email: string | null;
}

/**
 * The net changes of one request. A key should appear in at most one of `set`/`del` (and of
 * `itemSet`/`itemDel`); if it appears in both, the deletion wins because it is applied last.
 */
export interface SessionChanges {
  set: [string, unknown][];
  del: string[];
  itemSet: [string, string | number][];
  itemDel: string[];
  identity?: SessionIdentity;
  rotate: boolean;
}

export interface LoadedSession {
  state: SessionState;
  createdAt: number;
  expiresAt: number;
}

export type CommitResult =
  | { id: string; expiresAt: number; cookieNeeded: boolean }
  | { refused: "too-large" }
  | null;

export interface Store {
  /** Runs one CRM operation scoped to `site`. Resolves to the function's result (SPEC §4.5.2). */
  crm(site: string, op: CrmOp): Promise<unknown>;
  /**
   * Synchronous CRM reads for template functions (GetCrm*), which run inside the synchronous host render.
   * Optional: a network store leaves it out and template CRM reads then fail (logged, rendering as empty).
   */
  crmReadSync?(site: string, op: CrmOp): unknown;
  /** The live record, or null when it is unknown, belongs to another site, or has expired. */
  loadSession(site: string, id: string, now?: number): Promise<LoadedSession | null>;
  /**
   * Applies `changes` in one transaction: creates the record lazily, rotates it when asked.
   * Resolves to null when there is no record and the changes leave the state empty.
   */
  commitSession(
    site: string,
    id: string | null,
    changes: SessionChanges,
    ttlSeconds: number,
    now?: number,
  ): Promise<CommitResult>;
  /** Deletes expired session records; resolves to how many were deleted. */
  purgeExpired(now?: number): Promise<number>;
  close(): Promise<void>;
}

/** Thrown (as a rejection) when SQLite fails; the message is the one scripts see (SPEC §6.8). */
export class StorageUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("pagec: storage unavailable", { cause });
    this.name = "Error";
  }
}
