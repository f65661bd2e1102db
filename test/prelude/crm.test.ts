// CRM functions (SPEC §4.5): options normalisation into the `crm` host op (§8.5), TypeErrors, empty results
// with warnings, reference defaults from the session, limit clamping and the 1,000-call cap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const attempt = (code: string) => `(() => { try { return ${code}; } catch (e) { __pc.rethrow(e); return e.name + ": " + e.message; } })()`;
const CUSTOMER = { exists: true, customer: { email: "Ann@Example.COM" }, email: "Ann@Example.COM", customer_id: null };
const WITH_ID = { ...CUSTOMER, customer_id: 77 };
const ENTRY = { id: "u1", reference_type: "customer", reference_id: "r", values_flat: { weight: 80 }, created_at: "2026-01-01T00:00:00.000Z", updated_at: "2026-01-01T00:00:00.000Z" };
const fakeHost = (op: string, a: any) => {
  if (op !== "crm") return null;
  switch (a.fn) {
    case "getCrmEntries": return [ENTRY];
    case "getCrmField": return 80;
    case "getCrmFields": return Object.fromEntries(a.fieldKeys.map((k: string) => [k, k === "weight" ? 80 : null]));
    case "getCrmFieldValues": return [80, 81];
    case "clearCrmEntries": return { ok: true, deleted: 3 };
    default: return true;
  }
};
async function crm(code: string, session: object = WITH_ID) {
  return sb.run({ session, host: fakeHost, units: [out(attempt(code))] });
}

describe("normalisation into the crm host op", () => {
  it.each([
    ['getCrmEntries({ slug: "tracker" })', { fn: "getCrmEntries", entity: "tracker", referenceType: "customer", referenceId: "77", limit: 50 }, [ENTRY]],
    ['getCrmEntries({ crmEntitySlug: "tracker", reference_type: "lead", reference_id: 5, limit: 500 })', { fn: "getCrmEntries", entity: "tracker", referenceType: "lead", referenceId: "5", limit: 200 }, [ENTRY]],
    ['getCrmEntries({ crm_entity_slug: "tracker", referenceType: null, limit: 0 })', { fn: "getCrmEntries", entity: "tracker", referenceType: "customer", referenceId: "77", limit: 1 }, [ENTRY]],
    ['getCrmEntries({ slug: "tracker", limit: 7.9 })', { fn: "getCrmEntries", entity: "tracker", referenceType: "customer", referenceId: "77", limit: 7 }, [ENTRY]],
    ['getCrmField({ slug: "tracker", field_key: "weight" })', { fn: "getCrmField", entity: "tracker", referenceType: "customer", referenceId: "77", fieldKey: "weight" }, 80],
    ['getCrmFields({ slug: "tracker", fieldKeys: ["weight", "bad key", "goal", 3] })', { fn: "getCrmFields", entity: "tracker", referenceType: "customer", referenceId: "77", fieldKeys: ["weight", "goal"] }, { weight: 80, goal: null }],
    ['getCrmFieldValues({ slug: "tracker", fieldKey: "weight", limit: 2 })', { fn: "getCrmFieldValues", entity: "tracker", referenceType: "customer", referenceId: "77", fieldKey: "weight", limit: 2 }, [80, 81]],
    ['setCrmField({ slug: "tracker", fieldKey: "weight", value: 0 })', { fn: "setCrmField", entity: "tracker", referenceType: "customer", referenceId: "77", fieldKey: "weight", value: 0, force: false, async: false }, true],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: { a: [1] }, force: true, async: true })', { fn: "setCrmField", entity: "tracker", referenceType: "customer", referenceId: "77", fieldKey: "w", value: { a: [1] }, force: true, async: true }, true],
    ['setCrmFields({ slug: "tracker", fields: [{ fieldKey: "a", value: "" }, { field_key: "b", value: false }] })', { fn: "setCrmFields", entity: "tracker", referenceType: "customer", referenceId: "77", fields: [{ fieldKey: "a", value: "" }, { fieldKey: "b", value: false }], force: false, async: false }, true],
    ['addCrmFieldValue({ slug: "notes", fieldKey: "n", value: "x", referenceId: "abc" })', { fn: "addCrmFieldValue", entity: "notes", referenceType: "customer", referenceId: "abc", fieldKey: "n", value: "x", async: false }, true],
    ['clearCrmEntries({ slug: "tracker" })', { fn: "clearCrmEntries", entity: "tracker", referenceType: "customer", referenceId: "77", async: false }, { ok: true, deleted: 3 }],
  ])("%s", async (code, args, result) => {
    const r = await crm(code);
    expect(r.calls).toEqual([{ op: "crm", args }]);
    expect(r.effects).toEqual([{ t: "var", key: "out", value: result }]);
  });

  it("defaults the reference id to the lower-cased e-mail when there is no customer_id", async () => {
    const r = await crm('getCrmField({ slug: "tracker", fieldKey: "weight" })', CUSTOMER);
    expect(r.calls[0].args.referenceId).toBe("ann@example.com");
  });

  it.each([
    ['getCrmEntries({ slug: "tracker" })', []], ['getCrmField({ slug: "tracker", fieldKey: "w" })', null], ['getCrmFields({ slug: "tracker", fieldKeys: ["w"] })', {}],
    ['getCrmFieldValues({ slug: "tracker", fieldKey: "w" })', []], ['setCrmField({ slug: "tracker", fieldKey: "w", value: 1 })', false],
    ['setCrmFields({ slug: "tracker", fields: [{ fieldKey: "w", value: 1 }] })', false], ['addCrmFieldValue({ slug: "tracker", fieldKey: "w", value: 1 })', false],
    ['clearCrmEntries({ slug: "tracker" })', { ok: false, deleted: 0 }],
  ])("without a customer, %s returns its empty result without a host call", async (code, empty) => {
    const r = await crm(code, {});
    expect(r.calls).toEqual([]);
    expect(r.effects[0].value).toEqual(empty);
  });
});

describe("TypeErrors", () => {
  it.each([
    ["getCrmEntries()", "getCrmEntries: expected a single options object"],
    ['getCrmEntries("tracker")', "getCrmEntries: expected a single options object"],
    ['setCrmField("tracker", "w", 80)', "setCrmField: expected a single options object"],
    ['getCrmField({ slug: "tracker", fieldKey: "w" }, {})', "getCrmField: expected a single options object"],
    ["getCrmEntries(null)", "getCrmEntries: expected a single options object"],
    ['getCrmEntries([{ slug: "tracker" }])', "getCrmEntries: expected a single options object"],
    ["getCrmEntries({})", 'getCrmEntries: "slug" is required'],
    ['getCrmEntries({ slug: "nope" })', 'getCrmEntries: unknown CRM entity slug "nope"'],
    ['getCrmEntries({ slug: "toString" })', 'getCrmEntries: unknown CRM entity slug "toString"'],
    ['getCrmField({ slug: "tracker" })', 'getCrmField: "fieldKey" is required'],
    ['getCrmFieldValues({ slug: "tracker" })', 'getCrmFieldValues: "fieldKey" is required'],
    ['getCrmFields({ slug: "tracker" })', 'getCrmFields: "fieldKeys" must be an array'],
    ['setCrmField({ slug: "tracker", fieldKey: "w" })', 'setCrmField: "value" is required'],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: undefined })', 'setCrmField: "value" is required'],
    ['addCrmFieldValue({ slug: "tracker", fieldKey: "w" })', 'addCrmFieldValue: "value" is required'],
    ['setCrmFields({ slug: "tracker" })', 'setCrmFields: "fields" must be a non-empty array'],
    ['setCrmFields({ slug: "tracker", fields: [] })', 'setCrmFields: "fields" must be a non-empty array'],
    ['setCrmField({ slug: "tracker", fieldKey: "bad key" })', 'setCrmField: "value" is required'],
    ['getCrmField({ slug: "tracker", referenceType: "bad type" })', 'getCrmField: "fieldKey" is required'],
    ['getCrmField({ slug: "tracker", fieldKey: 1 })', 'getCrmField: "fieldKey" must be a string'],
    ['getCrmEntries({ slug: 5 })', 'getCrmEntries: "slug" must be a string'],
    ['getCrmEntries({ slug: "tracker", referenceType: 5 })', 'getCrmEntries: "referenceType" must be a string'],
    ['getCrmEntries({ slug: "tracker", referenceId: {} })', 'getCrmEntries: "referenceId" must be a string or a number'],
    ['getCrmEntries({ slug: "tracker", limit: "5" })', 'getCrmEntries: "limit" must be a number'],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: 1, force: "yes" })', 'setCrmField: "force" must be a boolean'],
  ])("%s", async (code, message) => {
    const r = await crm(code);
    expect(r.effects[0].value).toBe("TypeError: " + message);
    expect(r.calls).toEqual([]);
  });
});

describe("well-formed but invalid input: empty result and a warning", () => {
  it.each([
    ['getCrmField({ slug: "tracker", fieldKey: "bad key" })', null],
    ['getCrmEntries({ slug: "tracker", referenceType: "bad type" })', []],
    ['getCrmFieldValues({ slug: "tracker", fieldKey: "w", referenceId: "a{b" })', []],
    ['getCrmFields({ slug: "tracker", fieldKeys: ["w"], referenceId: "x".repeat(513) })', {}],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: null })', false],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: NaN })', false],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: "x".repeat(10001) })', false],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: { s: "x".repeat(10240) } })', false],
    ['setCrmField({ slug: "tracker", fieldKey: "w", value: () => 1 })', false],
    ['addCrmFieldValue({ slug: "tracker", fieldKey: "w", value: Infinity })', false],
    ['setCrmFields({ slug: "tracker", fields: [{ fieldKey: "a", value: 1 }, { fieldKey: "b" }] })', false],
    ['setCrmFields({ slug: "tracker", fields: [{ fieldKey: "a", value: 1 }, { fieldKey: "b c", value: 2 }] })', false],
    ['setCrmFields({ slug: "tracker", fields: [1] })', false],
    ['clearCrmEntries({ slug: "tracker", reference_id: "a\\"b" })', { ok: false, deleted: 0 }],
  ])("%s", async (code, empty) => {
    const r = await crm(code);
    expect(r.calls).toEqual([]);
    expect(r.effects).toEqual([{ t: "var", key: "out", value: empty }]);
    expect(r.logs.length).toBe(1);
    expect(r.logs[0].level).toBe("warn");
  });
  it("accepts the boundary sizes", async () => {
    const r = await crm('[setCrmField({ slug: "tracker", fieldKey: "w", value: "x".repeat(10000) }), setCrmField({ slug: "tracker", fieldKey: "w", value: ["x".repeat(10236)] }), getCrmEntries({ slug: "tracker", referenceId: "x".repeat(512) }).length]');
    expect(r.effects[0].value).toEqual([true, true, 1]);
  });
});

describe("host failures and caps", () => {
  it("an ok:false answer throws Error with the host's message", async () => {
    const r = await sb.run({ session: WITH_ID, host: () => { throw new Error("pagec: storage timeout"); }, units: [out(attempt('getCrmField({ slug: "tracker", fieldKey: "w" })'))] });
    expect(r.effects[0].value).toBe("Error: pagec: storage timeout");
  });
  it("the 1,001st CRM call throws", async () => {
    const r = await sb.run({ session: WITH_ID, host: fakeHost, units: [`for (let i = 0; i < 1000; i++) getCrmField({ slug: "tracker", fieldKey: "w" }); setVariable("out", ${attempt('getCrmField({ slug: "tracker", fieldKey: "w" })')});`] });
    expect(r.effects[0].value).toBe("Error: pagec: too many CRM calls");
    expect(r.calls.length).toBe(1000);
  });
  it("async writes return true and are passed to the host flagged async", async () => {
    const r = await sb.run({ session: WITH_ID, host: () => null, units: [out('[setCrmField({ slug: "tracker", fieldKey: "w", value: 1, async: true }), clearCrmEntries({ slug: "tracker", async: true })]')] });
    expect(r.effects[0].value).toEqual([true, { ok: true, deleted: 0 }]);
    expect(r.calls.map((c) => c.args.async)).toEqual([true, true]);
  });
});
