// The eight CRM functions (SPEC §4.5.2) over pagec_crm_entries. "Newest" is the highest seq; reads
// that pick one entry look only at the reference's 100 newest entries (the scan window, SPEC §9).
import { randomUUID } from "node:crypto";
import type { Database, Statement } from "./sqlite-driver.js";
import type { CrmEntry } from "./types.js";
import { SCAN_WINDOW, type ValidCrmOp } from "./crm-validate.js";

interface EntryRow {
  seq: number;
  id: string;
  reference_type: string;
  reference_id: string;
  values_json: string;
  created_at: string;
  updated_at: string;
}

type Values = Record<string, unknown>;

const COLUMNS = "seq, id, reference_type, reference_id, values_json, created_at, updated_at";
const REF = "site = ? AND entity = ? AND reference_type = ? AND reference_id = ?";

/** Parses stored field values into a null-prototype map, so a `__proto__` field key stays inert data. */
export function parseValues(json: string): Values {
  const out: Values = Object.create(null);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return out;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return out;
  for (const key of Object.keys(parsed)) out[key] = (parsed as Values)[key];
  return out;
}

const has = (values: Values, key: string): boolean => Object.prototype.hasOwnProperty.call(values, key);

export class SqliteCrm {
  private readonly newest: Statement;
  private readonly insertEntry: Statement;
  private readonly updateEntry: Statement;
  private readonly deleteRef: Statement;
  private readonly writeTx: (site: string, op: ValidCrmOp, pickByKey: boolean) => boolean;

  constructor(db: Database) {
    this.newest = db.prepare(`SELECT ${COLUMNS} FROM pagec_crm_entries WHERE ${REF} ORDER BY seq DESC LIMIT ?`);
    this.insertEntry = db.prepare(
      "INSERT INTO pagec_crm_entries (id, site, entity, reference_type, reference_id, values_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.updateEntry = db.prepare("UPDATE pagec_crm_entries SET values_json = ?, updated_at = ? WHERE seq = ?");
    this.deleteRef = db.prepare(`DELETE FROM pagec_crm_entries WHERE ${REF}`);
    // IMMEDIATE takes the write lock before reading, so the entry we pick cannot change under us
    // when several runtime processes share the database file.
    const tx = db.transaction((site: string, op: ValidCrmOp, pickByKey: boolean) => this.write(site, op, pickByKey));
    this.writeTx = (site, op, pickByKey) => tx.immediate(site, op, pickByKey);
  }

  run(site: string, op: ValidCrmOp): unknown {
    switch (op.fn) {
      case "getCrmEntries": return this.entries(site, op);
      case "getCrmField": return this.fields(site, op, [op.fieldKey])[op.fieldKey];
      case "getCrmFields": return this.fields(site, op, op.fieldKeys);
      case "getCrmFieldValues": return this.fieldValues(site, op);
      case "setCrmField":
      case "setCrmFields": return this.writeTx(site, op, !op.force);
      case "addCrmFieldValue": {
        this.create(site, op);
        return true;
      }
      case "clearCrmEntries": {
        const { changes } = this.deleteRef.run(site, op.entity, op.referenceType, op.referenceId);
        return { ok: true, deleted: changes };
      }
    }
  }

  private rows(site: string, op: ValidCrmOp, limit: number): IterableIterator<EntryRow> {
    return this.newest.iterate(site, op.entity, op.referenceType, op.referenceId, limit) as IterableIterator<EntryRow>;
  }

  private entries(site: string, op: ValidCrmOp): CrmEntry[] {
    const out: CrmEntry[] = [];
    for (const row of this.rows(site, op, op.limit)) {
      out.push({
        id: row.id,
        reference_type: row.reference_type,
        reference_id: row.reference_id,
        values_flat: parseValues(row.values_json),
        created_at: row.created_at,
        updated_at: row.updated_at,
      });
    }
    return out;
  }

  /**
   * For each key, the value in the newest of the 100 newest entries that contains it, else null.
   * One pass over the window serves every key, stopping as soon as all are found.
   */
  private fields(site: string, op: ValidCrmOp, keys: string[]): Values {
    const out: Values = Object.create(null);
    for (const key of keys) out[key] = null;
    const missing = new Set(keys);
    if (missing.size === 0) return out;
    for (const row of this.rows(site, op, SCAN_WINDOW)) {
      const values = parseValues(row.values_json);
      for (const key of missing) {
        if (has(values, key)) {
          out[key] = values[key];
          missing.delete(key);
        }
      }
      if (missing.size === 0) break;
    }
    return out;
  }

  /** Values of `fieldKey` from every entry of the reference that contains it, newest first. */
  private fieldValues(site: string, op: ValidCrmOp): unknown[] {
    const out: unknown[] = [];
    for (const row of this.rows(site, op, -1)) {
      const values = parseValues(row.values_json);
      if (has(values, op.fieldKey)) out.push(values[op.fieldKey]);
      if (out.length >= op.limit) break;
    }
    return out;
  }

  /** setCrmField(s): merge into the chosen entry, or create one (SPEC §4.5.2). Runs inside writeTx. */
  private write(site: string, op: ValidCrmOp, pickByKey: boolean): boolean {
    let target: EntryRow | undefined;
    let newest: EntryRow | undefined;
    const keys = op.fields.map(([key]) => key);
    for (const row of this.rows(site, op, pickByKey ? SCAN_WINDOW : 1)) {
      newest ??= row;
      if (!pickByKey) break;
      const values = parseValues(row.values_json);
      if (keys.some((key) => has(values, key))) {
        target = row;
        break;
      }
    }
    target ??= newest;
    if (target === undefined) {
      this.create(site, op);
      return true;
    }
    const values = parseValues(target.values_json);
    for (const [key, value] of op.fields) values[key] = value;
    this.updateEntry.run(JSON.stringify(values), new Date().toISOString(), target.seq);
    return true;
  }

  private create(site: string, op: ValidCrmOp): void {
    const values: Values = Object.create(null);
    for (const [key, value] of op.fields) values[key] = value;
    const now = new Date().toISOString();
    this.insertEntry.run(randomUUID(), site, op.entity, op.referenceType, op.referenceId, JSON.stringify(values), now, now);
  }
}
