// Shared fixtures for the store tests: a fresh database file per test, and CRM op builders.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../runtime/store/index.js";
import type { CrmOp, SessionChanges, Store } from "../../runtime/store/index.js";

export interface TempStore {
  store: Store;
  file: string;
  dispose(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "pagec-store-"));
}

export function openTempStore(): TempStore {
  const dir = tempDir();
  const file = join(dir, "pagec.sqlite");
  const store = openSqliteStore(file, { purgeIntervalMs: 0 });
  return {
    store,
    file,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const REF = { entity: "tracker", referenceType: "customer", referenceId: "c1" } as const;

export function op(fn: CrmOp["fn"], extra: Partial<CrmOp> = {}): CrmOp {
  return { fn, ...REF, ...extra };
}

export function changes(extra: Partial<SessionChanges> = {}): SessionChanges {
  return { set: [], del: [], itemSet: [], itemDel: [], rotate: false, ...extra };
}

/** Plain copy, so assertions compare data without caring about null prototypes. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
