// Session records (SPEC §6.7, §6.8): lazy creation, fixed lifetime, expiry and purge, rotation,
// one-transaction saves, the 256 KiB record limit, and site scoping.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openDatabase } from "../../runtime/store/sqlite-driver.js";
import { changes, openTempStore, plain, tempDir, type TempStore } from "./helpers.js";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { openSqliteStore } from "../../runtime/store/index.js";
import { MAX_SESSION_BYTES, sessionRecordBytes, emptySessionState } from "../../runtime/store/index.js";

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(async () => {
  await t.dispose();
});

const SITE = "fittrack";
const T0 = 1_700_000_000_000;
const TTL = 10_800;

async function create(extra = {}): Promise<string> {
  const r = await t.store.commitSession(SITE, null, changes({ set: [["k", "v"]], ...extra }), TTL, T0);
  if (r === null || "refused" in r) throw new Error("not created");
  return r.id;
}

function rowCount(): number {
  const db = openDatabase(t.file, 1000);
  const n = (db.prepare("SELECT count(*) AS n FROM pagec_sessions").get() as { n: number }).n;
  db.close();
  return n;
}

describe("creation", () => {
  test("is lazy: no changes, or changes that leave the state empty, create nothing", async () => {
    expect(await t.store.commitSession(SITE, null, changes(), TTL, T0)).toBeNull();
    expect(await t.store.commitSession(SITE, null, changes({ del: ["a"], itemDel: ["b"] }), TTL, T0)).toBeNull();
    expect(await t.store.commitSession(SITE, null, changes({ set: [["a", null]] }), TTL, T0)).toBeNull();
    const clear = { customer: null, customer_id: null, email: null };
    expect(await t.store.commitSession(SITE, null, changes({ identity: clear, rotate: true }), TTL, T0)).toBeNull();
    expect(rowCount()).toBe(0);
  });

  test("the first change creates a record with a 32-character id and the ttl from now", async () => {
    const r = await t.store.commitSession(SITE, null, changes({ itemSet: [["step", 2]] }), TTL, T0);
    expect(r).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), expiresAt: T0 + TTL * 1000, cookieNeeded: true });
    const loaded = await t.store.loadSession(SITE, (r as { id: string }).id, T0 + 1);
    expect(loaded).not.toBeNull();
    expect(loaded!.createdAt).toBe(T0);
    expect(loaded!.expiresAt).toBe(T0 + TTL * 1000);
    expect(plain(loaded!.state)).toEqual({ data: {}, items: { step: 2 }, customer: null, customer_id: null, email: null });
  });

  test("an unknown id counts as no session and creates a fresh one", async () => {
    const r = await t.store.commitSession(SITE, "A".repeat(32), changes({ set: [["a", 1]] }), TTL, T0);
    expect(r).toMatchObject({ cookieNeeded: true });
    expect((r as { id: string }).id).not.toBe("A".repeat(32));
  });
});

describe("load and save", () => {
  test("keys and items are applied together; other keys stay", async () => {
    const id = await create({ set: [["a", 1], ["b", { deep: [1, 2] }]], itemSet: [["x", "1"], ["y", 2]] });
    const r = await t.store.commitSession(SITE, id, changes({ set: [["c", true]], del: ["a"], itemSet: [["y", 3]], itemDel: ["x"] }), TTL, T0 + 10);
    expect(r).toEqual({ id, expiresAt: T0 + TTL * 1000, cookieNeeded: false });
    const loaded = await t.store.loadSession(SITE, id, T0 + 20);
    expect(plain(loaded!.state.data)).toEqual({ b: { deep: [1, 2] }, c: true });
    expect(plain(loaded!.state.items)).toEqual({ y: 3 });
    expect(Object.getPrototypeOf(loaded!.state.data)).toBeNull();
    expect(Object.getPrototypeOf(loaded!.state.items)).toBeNull();
  });

  test("a later save keeps the changes of an earlier concurrent save to other keys", async () => {
    const id = await create();
    await Promise.all([
      t.store.commitSession(SITE, id, changes({ set: [["a", 1]] }), TTL, T0 + 1),
      t.store.commitSession(SITE, id, changes({ set: [["b", 2]] }), TTL, T0 + 1),
    ]);
    expect(plain((await t.store.loadSession(SITE, id, T0 + 2))!.state.data)).toEqual({ k: "v", a: 1, b: 2 });
  });

  test("two stores on one file (two runtime processes) merge changes to different keys", async () => {
    const id = await create();
    const second = openSqliteStore(t.file, { purgeIntervalMs: 0 });
    try {
      await second.commitSession(SITE, id, changes({ set: [["a", 1]] }), TTL, T0 + 1);
      await t.store.commitSession(SITE, id, changes({ set: [["b", 2]], del: ["k"] }), TTL, T0 + 2);
      expect(plain((await second.loadSession(SITE, id, T0 + 3))!.state.data)).toEqual({ a: 1, b: 2 });
    } finally {
      await second.close();
    }
  });

  test("identity changes replace customer, customer_id and email", async () => {
    const identity = { customer: { email: "a@b.c", name: "Ann" }, customer_id: "42", email: "a@b.c" };
    const id = await create({ identity });
    const s = (await t.store.loadSession(SITE, id, T0 + 1))!.state;
    expect(plain(s)).toEqual({ data: { k: "v" }, items: {}, ...identity });
  });

  test("a session of another site is invisible", async () => {
    const id = await create();
    expect(await t.store.loadSession("other-site", id, T0 + 1)).toBeNull();
    const r = await t.store.commitSession("other-site", id, changes({ set: [["x", 1]] }), TTL, T0 + 1);
    expect((r as { id: string }).id).not.toBe(id);
    expect(plain((await t.store.loadSession(SITE, id, T0 + 2))!.state.data)).toEqual({ k: "v" });
  });

  test("a __proto__ key stays inert data", async () => {
    const id = await create({ set: [["__proto__", { polluted: true }]], itemSet: [["__proto__", "x"]] });
    const s = (await t.store.loadSession(SITE, id, T0 + 1))!.state;
    expect(Object.getPrototypeOf(s.data)).toBeNull();
    expect(Object.keys(s.data)).toContain("__proto__");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("lifetime", () => {
  test("does not slide; expired records are ignored and then purged", async () => {
    const id = await create();
    await t.store.commitSession(SITE, id, changes({ set: [["a", 1]] }), TTL, T0 + 5000);
    const end = T0 + TTL * 1000;
    expect((await t.store.loadSession(SITE, id, end - 1))!.expiresAt).toBe(end);
    expect(await t.store.loadSession(SITE, id, end)).toBeNull();
    const r = await t.store.commitSession(SITE, id, changes({ set: [["b", 1]] }), TTL, end + 1);
    expect((r as { id: string }).id).not.toBe(id);
    expect(await t.store.purgeExpired(end)).toBe(1);
    expect(await t.store.purgeExpired(end)).toBe(0);
    expect(rowCount()).toBe(1);
  });
});

test("expired sessions are purged in the background", async () => {
  const dir = tempDir();
  const store = openSqliteStore(join(dir, "p.sqlite"), { purgeIntervalMs: 20 });
  try {
    await store.commitSession(SITE, null, changes({ set: [["a", 1]] }), 60, Date.now() - 61_000);
    const live = await store.commitSession(SITE, null, changes({ set: [["a", 1]] }), 60);
    await new Promise((r) => setTimeout(r, 100));
    const db = openDatabase(join(dir, "p.sqlite"), 1000);
    const ids = (db.prepare("SELECT id FROM pagec_sessions").all() as { id: string }[]).map((r) => r.id);
    db.close();
    expect(ids).toEqual([(live as { id: string }).id]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("rotation", () => {
  test("moves the data to a new id, deletes the old row and keeps the expiry", async () => {
    const id = await create();
    const identity = { customer: { email: "a@b.c" }, customer_id: null, email: "a@b.c" };
    const r = await t.store.commitSession(SITE, id, changes({ identity, rotate: true, set: [["n", 1]] }), TTL, T0 + 100);
    expect(r).toMatchObject({ expiresAt: T0 + TTL * 1000, cookieNeeded: true });
    const newId = (r as { id: string }).id;
    expect(newId).not.toBe(id);
    expect(await t.store.loadSession(SITE, id, T0 + 200)).toBeNull();
    const loaded = await t.store.loadSession(SITE, newId, T0 + 200);
    expect(loaded!.createdAt).toBe(T0);
    expect(plain(loaded!.state)).toEqual({ data: { k: "v", n: 1 }, items: {}, ...identity });
    expect(rowCount()).toBe(1);
  });

  test("rotation of a new session simply creates it", async () => {
    const r = await t.store.commitSession(SITE, null, changes({ set: [["a", 1]], rotate: true }), TTL, T0);
    expect(r).toMatchObject({ cookieNeeded: true });
    expect(rowCount()).toBe(1);
  });
});

describe("256 KiB record limit", () => {
  test("a change that would exceed it is refused and nothing is written", async () => {
    const id = await create();
    const big = "x".repeat(MAX_SESSION_BYTES);
    expect(await t.store.commitSession(SITE, id, changes({ set: [["big", big]], rotate: true }), TTL, T0 + 1)).toEqual({ refused: "too-large" });
    expect(plain((await t.store.loadSession(SITE, id, T0 + 2))!.state.data)).toEqual({ k: "v" });
    expect(await t.store.commitSession(SITE, null, changes({ set: [["big", big]] }), TTL, T0)).toEqual({ refused: "too-large" });
    expect(rowCount()).toBe(1);
  });

  test("a record of exactly the limit is accepted", async () => {
    const empty = sessionRecordBytes({ ...emptySessionState(), data: Object.assign(Object.create(null), { a: "" }) });
    const value = "x".repeat(MAX_SESSION_BYTES - empty);
    const r = await t.store.commitSession(SITE, null, changes({ set: [["a", value]] }), TTL, T0);
    expect(r).toMatchObject({ cookieNeeded: true });
  });
});

test("the database uses WAL and records schema version 1", () => {
  const db = openDatabase(t.file, 1000);
  expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  expect(db.prepare("SELECT value FROM pagec_meta WHERE key = 'schema_version'").get()).toEqual({ value: "1" });
  db.close();
});
