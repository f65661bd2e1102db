// CRM function semantics (SPEC §4.5.2) against a real SQLite file.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { op, openTempStore, plain, type TempStore } from "./helpers.js";

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(async () => {
  await t.dispose();
});

const SITE = "fittrack";
const run = (o: Parameters<TempStore["store"]["crm"]>[1], site = SITE) => t.store.crm(site, o);
const entries = async (extra = {}) =>
  plain((await run(op("getCrmEntries", extra))) as { values_flat: Record<string, unknown>; id: string }[]);

describe("addCrmFieldValue and getCrmEntries", () => {
  test("always creates a new entry; entries come newest first with the documented shape", async () => {
    expect(await run(op("addCrmFieldValue", { fieldKey: "w", value: 80 }))).toBe(true);
    expect(await run(op("addCrmFieldValue", { fieldKey: "w", value: 81 }))).toBe(true);
    const list = (await run(op("getCrmEntries"))) as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    expect(plain(list.map((e) => e.values_flat))).toEqual([{ w: 81 }, { w: 80 }]);
    const e = list[0]!;
    expect(Object.keys(e)).toEqual(["id", "reference_type", "reference_id", "values_flat", "created_at", "updated_at"]);
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(e.reference_type).toBe("customer");
    expect(e.reference_id).toBe("c1");
    expect(e.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  test("getCrmEntries honours limit (default 50, clamped to 1..200)", async () => {
    for (let i = 0; i < 210; i++) await run(op("addCrmFieldValue", { fieldKey: "n", value: i }));
    expect(await entries()).toHaveLength(50);
    expect(await entries({ limit: 3 })).toHaveLength(3);
    expect((await entries({ limit: 3 })).map((e) => e.values_flat.n)).toEqual([209, 208, 207]);
    expect(await entries({ limit: 0 })).toHaveLength(1);
    expect(await entries({ limit: 1000 })).toHaveLength(200);
  });

  test("objects, arrays, 0, false and empty strings round-trip", async () => {
    for (const value of [{ a: [1, { b: "x" }] }, [1, 2], 0, false, ""]) {
      await run(op("addCrmFieldValue", { fieldKey: "v", value }));
      expect(plain(await run(op("getCrmField", { fieldKey: "v" })))).toEqual(value);
    }
  });
});

describe("getCrmField / getCrmFields", () => {
  test("returns the value from the newest entry containing the key", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "w", value: 80 }));
    await run(op("addCrmFieldValue", { fieldKey: "w", value: 82 }));
    await run(op("addCrmFieldValue", { fieldKey: "goal", value: 70 }));
    expect(await run(op("getCrmField", { fieldKey: "w" }))).toBe(82);
    expect(await run(op("getCrmField", { fieldKey: "goal" }))).toBe(70);
    expect(await run(op("getCrmField", { fieldKey: "missing" }))).toBeNull();
  });

  test("only the 100 newest entries are scanned", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "old", value: "found" }));
    for (let i = 0; i < 99; i++) await run(op("addCrmFieldValue", { fieldKey: "n", value: i }));
    expect(await run(op("getCrmField", { fieldKey: "old" }))).toBe("found"); // 100th newest
    await run(op("addCrmFieldValue", { fieldKey: "n", value: 99 }));
    expect(await run(op("getCrmField", { fieldKey: "old" }))).toBeNull(); // now 101st
    expect(await run(op("getCrmFields", { fieldKeys: ["old", "n"] }))).toEqual({ old: null, n: 99 });
  });

  test("getCrmFields gives null for missing keys and leaves invalid keys out", async () => {
    await run(op("setCrmFields", { fields: [{ fieldKey: "a", value: 1 }, { fieldKey: "b", value: "two" }] }));
    const result = (await run(op("getCrmFields", { fieldKeys: ["a", "b", "c", "bad key", "a"] }))) as object;
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(plain(result)).toEqual({ a: 1, b: "two", c: null });
    expect(Object.keys(result)).toEqual(["a", "b", "c"]);
  });

  test("a __proto__ field key is inert data", async () => {
    await run(op("setCrmField", { fieldKey: "__proto__", value: { polluted: true } }));
    expect(plain(await run(op("getCrmField", { fieldKey: "__proto__" })))).toEqual({ polluted: true });
    const [entry] = await entries();
    expect(Object.getPrototypeOf(entry!.values_flat)).toBe(Object.prototype); // plain() copy
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("getCrmFieldValues", () => {
  test("values of entries that contain the key, newest first, limited", async () => {
    for (const [k, v] of [["w", 1], ["x", 9], ["w", 2], ["w", 3]] as const) await run(op("addCrmFieldValue", { fieldKey: k, value: v }));
    expect(await run(op("getCrmFieldValues", { fieldKey: "w" }))).toEqual([3, 2, 1]);
    expect(await run(op("getCrmFieldValues", { fieldKey: "w", limit: 2 }))).toEqual([3, 2]);
    expect(await run(op("getCrmFieldValues", { fieldKey: "none" }))).toEqual([]);
  });

  test("is not limited to the 100-entry scan window", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "old", value: "deep" }));
    for (let i = 0; i < 150; i++) await run(op("addCrmFieldValue", { fieldKey: "n", value: i }));
    expect(await run(op("getCrmFieldValues", { fieldKey: "old" }))).toEqual(["deep"]);
  });
});

describe("setCrmField / setCrmFields", () => {
  test("creates an entry when the reference has none", async () => {
    expect(await run(op("setCrmField", { fieldKey: "w", value: 80 }))).toBe(true);
    expect((await entries()).map((e) => e.values_flat)).toEqual([{ w: 80 }]);
  });

  test("updates the newest entry that contains the key, merging other fields", async () => {
    await run(op("setCrmFields", { fields: [{ fieldKey: "w", value: 80 }, { fieldKey: "note", value: "a" }] }));
    await run(op("addCrmFieldValue", { fieldKey: "other", value: 1 }));
    expect(await run(op("setCrmField", { fieldKey: "w", value: 79 }))).toBe(true);
    expect((await entries()).map((e) => e.values_flat)).toEqual([{ other: 1 }, { w: 79, note: "a" }]);
  });

  test("without a matching entry, updates the newest entry", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "a", value: 1 }));
    await run(op("addCrmFieldValue", { fieldKey: "b", value: 2 }));
    await run(op("setCrmField", { fieldKey: "c", value: 3 }));
    expect((await entries()).map((e) => e.values_flat)).toEqual([{ b: 2, c: 3 }, { a: 1 }]);
  });

  test("force updates the newest entry even when an older one has the key", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "w", value: 80 }));
    await run(op("addCrmFieldValue", { fieldKey: "x", value: 1 }));
    await run(op("setCrmField", { fieldKey: "w", value: 70, force: true }));
    expect((await entries()).map((e) => e.values_flat)).toEqual([{ x: 1, w: 70 }, { w: 80 }]);
  });

  test("a matching entry outside the 100 window is not picked", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "w", value: 80 }));
    for (let i = 0; i < 100; i++) await run(op("addCrmFieldValue", { fieldKey: "n", value: i }));
    await run(op("setCrmField", { fieldKey: "w", value: 1 }));
    const list = await entries({ limit: 200 });
    expect(list[0]!.values_flat).toEqual({ n: 99, w: 1 });
    expect(list[list.length - 1]!.values_flat).toEqual({ w: 80 });
  });

  test("setCrmFields picks the entry by any of its keys and writes all fields to it", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "b", value: 1 }));
    await run(op("addCrmFieldValue", { fieldKey: "z", value: 0 }));
    await run(op("setCrmFields", { fields: [{ fieldKey: "a", value: 10 }, { fieldKey: "b", value: 20 }] }));
    expect((await entries()).map((e) => e.values_flat)).toEqual([{ z: 0 }, { b: 20, a: 10 }]);
  });

  test("updated_at changes on update, created_at and id stay", async () => {
    await run(op("setCrmField", { fieldKey: "w", value: 1 }));
    const [before] = (await run(op("getCrmEntries"))) as Record<string, string>[];
    await new Promise((r) => setTimeout(r, 5));
    await run(op("setCrmField", { fieldKey: "w", value: 2 }));
    const [after] = (await run(op("getCrmEntries"))) as Record<string, string>[];
    expect(after!.id).toBe(before!.id);
    expect(after!.created_at).toBe(before!.created_at);
    expect(after!.updated_at > before!.updated_at).toBe(true);
  });

  test("setCrmFields with any invalid element writes nothing and returns false", async () => {
    const bad = [{ fieldKey: "a", value: 1 }, { fieldKey: "b", value: null }];
    expect(await run(op("setCrmFields", { fields: bad }))).toBe(false);
    expect(await run(op("setCrmFields", { fields: [{ fieldKey: "a", value: 1 }, { fieldKey: "b c", value: 2 }] }))).toBe(false);
    expect(await entries()).toEqual([]);
  });
});

describe("clearCrmEntries and scoping", () => {
  test("deletes the reference's entries in the entity and counts them", async () => {
    await run(op("addCrmFieldValue", { fieldKey: "a", value: 1 }));
    await run(op("addCrmFieldValue", { fieldKey: "a", value: 2 }));
    await run(op("addCrmFieldValue", { fieldKey: "a", value: 3, referenceId: "c2" }));
    await run(op("addCrmFieldValue", { fieldKey: "a", value: 4, entity: "other" }));
    expect(await run(op("clearCrmEntries"))).toEqual({ ok: true, deleted: 2 });
    expect(await run(op("clearCrmEntries"))).toEqual({ ok: true, deleted: 0 });
    expect(await run(op("getCrmField", { fieldKey: "a", referenceId: "c2" }))).toBe(3);
    expect(await run(op("getCrmField", { fieldKey: "a", entity: "other" }))).toBe(4);
  });

  test("site A never sees site B; entity, reference type and id all scope", async () => {
    await run(op("setCrmField", { fieldKey: "w", value: "A" }), "site-a");
    const scopes: [string, { entity?: string; referenceType?: string; referenceId?: string }][] = [
      ["site-b", {}],
      ["site-a", { entity: "tracker2" }],
      ["site-a", { referenceType: "lead" }],
      ["site-a", { referenceId: "c2" }],
    ];
    for (const [site, extra] of scopes) {
      expect(await run(op("getCrmField", { fieldKey: "w", ...extra }), site)).toBeNull();
      expect(await run(op("getCrmEntries", extra), site)).toEqual([]);
      expect(await run(op("getCrmFieldValues", { fieldKey: "w", ...extra }), site)).toEqual([]);
      expect(await run(op("clearCrmEntries", extra), site)).toEqual({ ok: true, deleted: 0 });
    }
    // A write in site B with the same entity and reference creates its own entry.
    await run(op("setCrmField", { fieldKey: "w", value: "B" }), "site-b");
    expect(await run(op("getCrmField", { fieldKey: "w" }), "site-a")).toBe("A");
    expect(await run(op("getCrmField", { fieldKey: "w" }), "site-b")).toBe("B");
  });
});
