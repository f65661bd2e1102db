// SPEC §4.5 through runPage: every CRM function, the single-options-object rule (positional calls throw at run
// time), aliases, defaults from the session customer, empty results with a warn entry, and `async: true` writes.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import Database from "better-sqlite3";
import { startKit, page, json, logTexts, sessionPair, type Kit, type RunOptions } from "./site-kit.js";

// The runner page calls the functions named in the POST body, so values that would be compile-time errors as
// literals (PC3010–PC3019) reach the run-time checks.
const RUNNER = `
const fns = { getCrmEntries, getCrmField, getCrmFields, getCrmFieldValues, setCrmField, setCrmFields, addCrmFieldValue, clearCrmEntries };
const results = [];
for (const [name, ...args] of request.body.calls) {
  try { results.push({ ok: fns[name](...args) }); } catch (e) { results.push({ err: e.name + ': ' + e.message }); }
}
response.json(results);`;

let k: Kit;
beforeAll(async () => {
  k = await startKit({
    "site.json": { id: "crm-site", typeCheck: "off", crm: { entities: [{ slug: "tracker", fields: ["weight", "mood", "note", "goal", "n"] }, { slug: "other" }] } },
    "pages/run.ef": page(RUNNER),
    "pages/login.ef": page(`session.setCustomer(request.query.id ? { email: request.query.email, id: request.query.id } : { email: request.query.email }); response.json(true);`),
    "pages/positional.ef": page(`
      const call = (fn, ...args) => { try { return fn(...args); } catch (e) { return e.name + ': ' + e.message; } };
      response.json([
        call(setCrmField, 'tracker', 'weight', 80),
        call(getCrmField),
        call(getCrmEntries, 'tracker'),
        call(getCrmFields, { slug: 'tracker', fieldKeys: ['weight'] }, {}),
        call(clearCrmEntries, null),
        call(addCrmFieldValue, [{ slug: 'tracker' }]),
      ]);`),
    "pages/undef-value.ef": page(`
      const d = (x) => x;
      let r; try { r = setCrmField(d({ slug: 'tracker', fieldKey: 'weight', value: undefined, referenceId: 'u1' })); } catch (e) { r = e.name + ': ' + e.message; }
      let s; try { s = setCrmField(d({ slug: 'tracker', fieldKey: 'weight', referenceId: 'u1' })); } catch (e) { s = e.name + ': ' + e.message; }
      response.json([r, s]);`),
    "pages/aliases.ef": page(`
      response.json([
        setCrmField({ crmEntitySlug: 'tracker', reference_type: 'lead', reference_id: 7, field_key: 'weight', value: 70 }),
        getCrmField({ crm_entity_slug: 'tracker', referenceType: 'lead', referenceId: '7', fieldKey: 'weight' }),
        getCrmFieldValues({ slug: 'tracker', reference_type: 'lead', reference_id: '7', field_key: 'weight' }),
      ]);`),
    "pages/async.ef": page(`
      const r = setCrmField({ slug: 'tracker', referenceId: 'as-1', fieldKey: 'weight', value: 91, async: true });
      const seen = getCrmField({ slug: 'tracker', referenceId: 'as-1', fieldKey: 'weight' });
      const a = addCrmFieldValue({ slug: 'tracker', referenceId: 'as-1', fieldKey: 'note', value: 'n', async: true });
      response.json({ r, a, seen });`),
  });
});
afterAll(async () => { await k?.stop(); });

type Call = [string, ...unknown[]];
async function calls(list: Call[], opts: RunOptions = {}): Promise<{ ok?: unknown; err?: string }[]> {
  const r = await k.run("/run", { ...opts, body: { calls: list } });
  expect(r.status, r.body).toBe(200);
  return json(r);
}
async function callsWithLogs(list: Call[], opts: RunOptions = {}) {
  const r = await k.run("/run", { ...opts, body: { calls: list } });
  return { results: json(r) as { ok?: unknown; err?: string }[], warns: logTexts(r, "warn") };
}
function rows(ref: string) {
  const db = new Database(k.db, { readonly: true });
  const out = db.prepare("SELECT entity, reference_type, reference_id, values_json FROM pagec_crm_entries WHERE site = 'crm-site' AND reference_id = ? ORDER BY seq").all(ref) as { entity: string; reference_type: string; reference_id: string; values_json: string }[];
  db.close();
  return out.map((r) => ({ ...r, values: JSON.parse(r.values_json) }));
}
const T = (o: object) => ({ slug: "tracker", ...o });

describe("argument shape", () => {
  it("a positional call, no argument, a non-object or two arguments throw `<fn>: expected a single options object`", async () => {
    const r = await k.run("/positional");
    expect(json(r)).toEqual([
      "TypeError: setCrmField: expected a single options object",
      "TypeError: getCrmField: expected a single options object",
      "TypeError: getCrmEntries: expected a single options object",
      "TypeError: getCrmFields: expected a single options object",
      "TypeError: clearCrmEntries: expected a single options object",
      "TypeError: addCrmFieldValue: expected a single options object",
    ]);
  });
  it("a missing or unknown slug throws TypeError", async () => {
    expect(await calls([["getCrmField", { fieldKey: "weight", referenceId: "x" }], ["getCrmEntries", { slug: "nope", referenceId: "x" }], ["setCrmField", { slug: 5, fieldKey: "a", value: 1, referenceId: "x" }]])).toEqual([
      { err: 'TypeError: getCrmField: "slug" is required' },
      { err: 'TypeError: getCrmEntries: unknown CRM entity slug "nope"' },
      // SPEC §4.5.1 gives no wording for a non-string slug; only the TypeError is required.
      { err: expect.stringMatching(/^TypeError: setCrmField: /) },
    ]);
  });
  it("missing fieldKey, value, fieldKeys or fields throw TypeError", async () => {
    const res = await calls([
      ["getCrmField", T({ referenceId: "x" })], ["setCrmField", T({ referenceId: "x", value: 1 })], ["getCrmFieldValues", T({ referenceId: "x" })],
      ["addCrmFieldValue", T({ referenceId: "x", value: 1 })], ["getCrmFields", T({ referenceId: "x" })], ["getCrmFields", T({ referenceId: "x", fieldKeys: "weight" })],
      ["setCrmFields", T({ referenceId: "x" })], ["setCrmFields", T({ referenceId: "x", fields: [] })], ["setCrmField", T({ referenceId: "x", fieldKey: "weight" })],
    ]);
    expect(res[0].err).toBe('TypeError: getCrmField: "fieldKey" is required');
    for (const r of res) expect(r.err, JSON.stringify(r)).toMatch(/^TypeError: /);
    const u = json(await k.run("/undef-value"));
    expect(u).toHaveLength(2);
    for (const e of u) expect(e).toMatch(/^TypeError: setCrmField: "value" is required$/);
  });
});

describe("without a customer and without referenceId", () => {
  it("reads return their empty results and writes return false; nothing is stored", async () => {
    expect(await calls([
      ["getCrmEntries", T({})], ["getCrmField", T({ fieldKey: "weight" })], ["getCrmFields", T({ fieldKeys: ["weight"] })],
      ["getCrmFieldValues", T({ fieldKey: "weight" })], ["setCrmField", T({ fieldKey: "weight", value: 1 })],
      ["setCrmFields", T({ fields: [{ fieldKey: "weight", value: 1 }] })], ["addCrmFieldValue", T({ fieldKey: "weight", value: 1 })], ["clearCrmEntries", T({})],
    ])).toEqual([{ ok: [] }, { ok: null }, { ok: {} }, { ok: [] }, { ok: false }, { ok: false }, { ok: false }, { ok: { ok: false, deleted: 0 } }]);
    const db = new Database(k.db, { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM pagec_crm_entries WHERE reference_id = ''").get() as { n: number }).n).toBe(0);
    db.close();
  });
});

describe("defaults from the session customer", () => {
  it("uses customer_id, else the lower-cased e-mail, as referenceId and `customer` as referenceType", async () => {
    const withId = sessionPair(await k.run("/login?email=Ann%40Example.com&id=c-77"))!;
    expect(await calls([["setCrmField", T({ fieldKey: "weight", value: 80 })], ["getCrmField", T({ fieldKey: "weight" })]], { cookie: withId })).toEqual([{ ok: true }, { ok: 80 }]);
    expect(rows("c-77")).toMatchObject([{ entity: "tracker", reference_type: "customer", values: { weight: 80 } }]);
    const noId = sessionPair(await k.run("/login?email=Bob%40Example.COM"))!;
    expect(await calls([["addCrmFieldValue", T({ fieldKey: "mood", value: "ok" })]], { cookie: noId })).toEqual([{ ok: true }]);
    expect(rows("bob@example.com")).toMatchObject([{ reference_type: "customer", values: { mood: "ok" } }]);
    expect(await calls([["getCrmField", T({ fieldKey: "mood", referenceType: null })]], { cookie: noId })).toEqual([{ ok: "ok" }]);
  });
});

describe("aliases", () => {
  it("crmEntitySlug/crm_entity_slug, reference_type/reference_id, field_key; numeric ids become strings", async () => {
    expect(json(await k.run("/aliases"))).toEqual([true, 70, [70]]);
    expect(rows("7")).toMatchObject([{ reference_type: "lead", values: { weight: 70 } }]);
  });
});

describe("storage semantics", () => {
  it("getCrmEntries returns the documented shape, newest first", async () => {
    const ref = { referenceId: "shape-1" };
    const res = await calls([["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: 1 })], ["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: 2 })], ["getCrmEntries", T(ref)]]);
    const entries = res[2].ok as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    expect(Object.keys(entries[0]).sort()).toEqual(["created_at", "id", "reference_id", "reference_type", "updated_at", "values_flat"]);
    expect(entries[0]).toMatchObject({ reference_type: "customer", reference_id: "shape-1", values_flat: { weight: 2 } });
    expect(entries[1].values_flat).toEqual({ weight: 1 });
    expect(entries[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entries[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("setCrmField updates the newest entry holding the key, else the newest entry, else creates; force updates the newest; updates merge", async () => {
    const ref = { referenceId: "set-1" };
    await calls([
      ["setCrmField", T({ ...ref, fieldKey: "weight", value: 80 })], // creates A {weight}
      ["addCrmFieldValue", T({ ...ref, fieldKey: "mood", value: "ok" })], // creates B {mood}
      ["setCrmField", T({ ...ref, fieldKey: "weight", value: 81 })], // updates A (newest holding weight)
      ["setCrmField", T({ ...ref, fieldKey: "goal", value: 70 })], // no entry holds goal: newest (B)
      ["setCrmField", T({ ...ref, fieldKey: "weight", value: 82, force: true })], // force: newest (B)
    ]);
    expect(rows("set-1").map((r) => r.values)).toEqual([{ weight: 81 }, { mood: "ok", goal: 70, weight: 82 }]);
  });

  it("setCrmFields writes all fields to one entry and writes nothing when one element is invalid", async () => {
    const ref = { referenceId: "fields-1" };
    const res = await calls([
      ["setCrmFields", T({ ...ref, fields: [{ fieldKey: "weight", value: 80 }, { field_key: "mood", value: "great" }] })],
      ["setCrmFields", T({ ...ref, fields: [{ fieldKey: "weight", value: 81 }, { fieldKey: "bad key", value: 1 }] })],
      ["setCrmFields", T({ ...ref, fields: [{ fieldKey: "note", value: "" }, { fieldKey: "n", value: 0 }, { fieldKey: "goal", value: false }] })],
    ]);
    expect(res.map((r) => r.ok)).toEqual([true, false, true]);
    expect(rows("fields-1").map((r) => r.values)).toEqual([{ weight: 80, mood: "great", note: "", n: 0, goal: false }]);
  });

  it("addCrmFieldValue always creates; getCrmFieldValues lists newest first with a clamped limit; getCrmFields resolves each key", async () => {
    const ref = { referenceId: "vals-1" };
    const res = await calls([
      ["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: 1 })], ["addCrmFieldValue", T({ ...ref, fieldKey: "mood", value: "m" })],
      ["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: { kg: 2 } })], ["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: [3] })],
      ["getCrmFieldValues", T({ ...ref, fieldKey: "weight" })], ["getCrmFieldValues", T({ ...ref, fieldKey: "weight", limit: 0 })],
      ["getCrmFieldValues", T({ ...ref, fieldKey: "weight", limit: 2 })], ["getCrmEntries", T({ ...ref, limit: 500 })],
      ["getCrmFields", T({ ...ref, fieldKeys: ["weight", "mood", "goal", "bad key"] })],
    ]);
    expect(res[4].ok).toEqual([[3], { kg: 2 }, 1]);
    expect(res[5].ok).toEqual([[3]]);
    expect(res[6].ok).toEqual([[3], { kg: 2 }]);
    expect(res[7].ok).toHaveLength(4);
    expect(res[8].ok).toEqual({ weight: [3], mood: "m", goal: null });
  });

  it("clearCrmEntries deletes the reference's entries in the entity only", async () => {
    const ref = { referenceId: "clear-1" };
    const res = await calls([
      ["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: 1 })], ["addCrmFieldValue", T({ ...ref, fieldKey: "weight", value: 2 })],
      ["addCrmFieldValue", { slug: "other", ...ref, fieldKey: "x", value: 1 }], ["clearCrmEntries", T(ref)], ["getCrmEntries", T(ref)], ["clearCrmEntries", T(ref)],
    ]);
    expect(res[3].ok).toEqual({ ok: true, deleted: 2 });
    expect(res[4].ok).toEqual([]);
    expect(res[5].ok).toEqual({ ok: true, deleted: 0 });
    expect(rows("clear-1")).toMatchObject([{ entity: "other" }]);
  });
});

describe("well-formed but invalid input: empty result and a warn entry", () => {
  it.each([
    ["bad field key", ["getCrmField", T({ referenceId: "v", fieldKey: "bad key" })], null],
    ["bad reference type", ["getCrmEntries", T({ referenceId: "v", referenceType: "a b" })], []],
    ["bad reference id", ["getCrmFieldValues", T({ referenceId: "a{b", fieldKey: "weight" })], []],
    ["too long reference id", ["getCrmFields", T({ referenceId: "r".repeat(513), fieldKeys: ["weight"] })], {}],
    ["null value", ["setCrmField", T({ referenceId: "v", fieldKey: "weight", value: null })], false],
    ["string over 10,000 characters", ["addCrmFieldValue", T({ referenceId: "v", fieldKey: "note", value: "x".repeat(10001) })], false],
    ["object over 10,240 bytes", ["setCrmField", T({ referenceId: "v", fieldKey: "note", value: { s: "x".repeat(10240) } })], false],
    ["bad reference id on clear", ["clearCrmEntries", T({ referenceId: 'a"b' })], { ok: false, deleted: 0 }],
  ] as [string, Call, unknown][])("%s", async (_n, call, empty) => {
    const { results, warns } = await callsWithLogs([call]);
    expect(results).toEqual([{ ok: empty }]);
    expect(warns).toHaveLength(1);
    expect(rows("v")).toEqual([]);
  });
  it("accepts the edge values 0, false, \"\" and a 10,000-character string", async () => {
    const ref = { referenceId: "edge-1" };
    const res = await calls([["addCrmFieldValue", T({ ...ref, fieldKey: "n", value: 0 })], ["addCrmFieldValue", T({ ...ref, fieldKey: "n", value: false })],
      ["addCrmFieldValue", T({ ...ref, fieldKey: "n", value: "" })], ["addCrmFieldValue", T({ ...ref, fieldKey: "n", value: "x".repeat(10000) })]]);
    expect(res.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(rows("edge-1")).toHaveLength(4);
  });
});

describe("async writes", () => {
  it("return true at once, happen after the script phase and before the response", async () => {
    const r = await k.run("/async");
    expect(json(r)).toEqual({ r: true, a: true, seen: null });
    expect(rows("as-1").map((x) => x.values)).toEqual([{ weight: 91 }, { note: "n" }]);
  });
});
