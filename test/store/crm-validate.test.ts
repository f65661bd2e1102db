// Re-validation of crm host ops (SPEC §4.5.1, §8.5): refused ops give the empty result and write
// nothing; ops that are not the shape the sandbox sends reject with a TypeError.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { op, openTempStore, plain, type TempStore } from "./helpers.js";
import { checkCrmOp, clampLimit, isValidCrmValue } from "../../runtime/store/index.js";
import type { CrmOp } from "../../runtime/store/index.js";

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(async () => {
  await t.dispose();
});

const long = (n: number) => "x".repeat(n);

describe("refused ops return the empty result and write nothing", () => {
  const cases: [string, CrmOp, unknown][] = [
    ["bad field key", op("setCrmField", { fieldKey: "bad key", value: 1 }), false],
    ["bad field key (read)", op("getCrmField", { fieldKey: "a/b" }), null],
    ["bad reference type", op("getCrmEntries", { referenceType: "cust omer" }), []],
    ["reference id with a brace", op("getCrmFieldValues", { fieldKey: "w", referenceId: "a{b" }), []],
    ["reference id with a quote", op("addCrmFieldValue", { fieldKey: "w", value: 1, referenceId: 'a"b' }), false],
    ["reference id with a backslash", op("clearCrmEntries", { referenceId: "a\\b" }), { ok: false, deleted: 0 }],
    ["empty reference id", op("getCrmFields", { fieldKeys: ["w"], referenceId: "" }), {}],
    ["reference id over 512 characters", op("setCrmField", { fieldKey: "w", value: 1, referenceId: long(513) }), false],
    ["bad entity slug", op("setCrmField", { fieldKey: "w", value: 1, entity: "Tracker" }), false],
    ["null value", op("setCrmField", { fieldKey: "w", value: null }), false],
    ["NaN", op("addCrmFieldValue", { fieldKey: "w", value: Number.NaN }), false],
    ["Infinity", op("setCrmField", { fieldKey: "w", value: Number.POSITIVE_INFINITY }), false],
    ["string over 10,000 characters", op("setCrmField", { fieldKey: "w", value: long(10_001) }), false],
    ["object over 10,240 bytes", op("setCrmField", { fieldKey: "w", value: { s: long(10_240) } }), false],
  ];
  test.each(cases)("%s", async (_name, o, empty) => {
    expect(plain(await t.store.crm("site", o))).toEqual(empty);
    expect(await t.store.crm("site", op("getCrmEntries", { limit: 200 }))).toEqual([]);
    expect(await t.store.crm("site", op("getCrmEntries", { referenceId: long(512), limit: 200 }))).toEqual([]);
  });

  test("limits of the allowed values are accepted", async () => {
    expect(await t.store.crm("site", op("setCrmField", { fieldKey: "w", value: long(10_000) }))).toBe(true);
    expect(await t.store.crm("site", op("addCrmFieldValue", { fieldKey: "w", value: { s: long(10_240 - 8) } }))).toBe(true);
    expect(await t.store.crm("site", op("addCrmFieldValue", { fieldKey: "w", value: 1, referenceId: long(512) }))).toBe(true);
  });
});

describe("malformed ops reject with TypeError", () => {
  const cases: [string, unknown][] = [
    ["not an object", "getCrmEntries"],
    ["unknown function", { ...op("getCrmEntries"), fn: "moveCrmLead" }],
    ["entity not a string", { ...op("getCrmEntries"), entity: 1 }],
    ["reference type missing", { ...op("getCrmEntries"), referenceType: undefined }],
    ["reference id an object", { ...op("getCrmEntries"), referenceId: {} }],
    ["fieldKey missing", op("getCrmField")],
    ["value missing", op("setCrmField", { fieldKey: "w" })],
    ["fieldKeys not an array", op("getCrmFields", { fieldKeys: "w" as unknown as string[] })],
    ["fields empty", op("setCrmFields", { fields: [] })],
    ["limit a string", op("getCrmEntries", { limit: "5" as unknown as number })],
    ["force a string", op("setCrmField", { fieldKey: "w", value: 1, force: "yes" as unknown as boolean })],
  ];
  test.each(cases)("%s", async (_name, o) => {
    await expect(t.store.crm("site", o as CrmOp)).rejects.toBeInstanceOf(TypeError);
  });

  test("an invalid site id rejects", async () => {
    await expect(t.store.crm("Bad Site", op("getCrmEntries"))).rejects.toBeInstanceOf(TypeError);
    await expect(t.store.crm("", op("getCrmEntries"))).rejects.toBeInstanceOf(TypeError);
  });
});

describe("helpers", () => {
  test("numeric reference ids are converted to strings", () => {
    const check = checkCrmOp({ ...op("getCrmEntries"), referenceId: 42 });
    expect(check.kind === "ok" && check.op.referenceId).toBe("42");
  });
  test.each([
    [undefined, 50], [null, 50], [Number.NaN, 50], [0, 1], [-5, 1], [7.9, 7], [200, 200], [201, 200],
  ])("clampLimit(%s) = %s", (input, expected) => {
    expect(clampLimit(input)).toBe(expected);
  });
  test.each([
    ["", true], [0, true], [false, true], [[], true], [null, false], [undefined, false], [() => 1, false], [10n, false],
  ])("isValidCrmValue(%s) = %s", (value, expected) => {
    expect(isValidCrmValue(value)).toBe(expected);
  });
});

test("a closed store rejects with the storage error", async () => {
  await t.store.close();
  await expect(t.store.crm("site", op("getCrmEntries"))).rejects.toThrow("pagec: storage unavailable");
});
