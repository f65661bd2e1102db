// SPEC §10.1 Example A (fittrack): A1–A6 in order on one server, session S created through the login page.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import type { InjectOptions } from "fastify";
import Database from "better-sqlite3";
import { startTestServer, CookieJar, type TestServer } from "../runtime/server-harness.js";

const site = join(import.meta.dirname, "../fixtures/spec-sites/fittrack");
let t: TestServer;
const jar = new CookieJar();
beforeAll(async () => { t = await startTestServer(site); });
afterAll(async () => { await t?.stop(); });

const inject = (opts: InjectOptions) => t.server.fastify.inject(opts);
const JSON_CT = "application/json; charset=utf-8";
const HTML_CT = "text/html; charset=utf-8";

describe("SPEC §10.1 Example A", () => {
  it("creates session S through the login page", async () => {
    const r = await inject({ method: "POST", url: "/login?next=%2Fdashboard", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "email=sam%40example.com&pin=4321" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/dashboard");
    jar.store(r.headers["set-cookie"]);
    expect(jar.header()).toMatch(/^pagec_sid=/);
  });

  it("A1 — POST without a session: 401 JSON, no CRM write", async () => {
    const r = await inject({ method: "POST", url: "/weight/checkin", headers: { "content-type": "application/json" }, payload: '{"weight":182}' });
    expect(r.statusCode).toBe(401);
    expect(r.headers["content-type"]).toBe(JSON_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.body).toBe('{"ok":false,"error":"login required"}');
    const db = new Database(t.db, { readonly: true });
    const n = (db.prepare("SELECT count(*) AS n FROM pagec_crm_entries").get() as { n: number }).n;
    db.close();
    expect(n).toBe(0);
  });

  it("A2 — valid POST with session S: converted, defaults, extra dropped; one CRM entry", async () => {
    const before = Date.now();
    const r = await inject({ method: "POST", url: "/weight/checkin", headers: { cookie: jar.header(), "content-type": "application/json" }, payload: '{"weight":"182.5","mood":"great","extra":"x"}' });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(JSON_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe('{"ok":true,"saved":{"weight":182.5,"unit":"lbs","mood":"great","note":""}}');
    const db = new Database(t.db, { readonly: true });
    const rows = db.prepare("SELECT entity, reference_type, reference_id, values_json FROM pagec_crm_entries WHERE site = 'fittrack' ORDER BY seq").all() as { entity: string; reference_type: string; reference_id: string; values_json: string }[];
    db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entity: "pattern-tracker", reference_type: "customer", reference_id: "c-42" });
    const values = JSON.parse(rows[0].values_json);
    expect(Object.keys(values)).toEqual(["current_weight", "weight_unit", "last_mood", "last_checkin"]);
    expect(values).toMatchObject({ current_weight: 182.5, weight_unit: "lbs", last_mood: "great" });
    const at = Date.parse(values.last_checkin);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("A3 — invalid POST with session S: 400 with the Schema messages", async () => {
    const r = await inject({ method: "POST", url: "/weight/checkin", headers: { cookie: jar.header(), "content-type": "application/json" }, payload: '{"weight":20,"unit":"stone"}' });
    expect(r.statusCode).toBe(400);
    expect(r.headers["content-type"]).toBe(JSON_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe('{"ok":false,"errors":["\\"weight\\" must be at least 50","\\"unit\\" must be one of \\"lbs\\", \\"kg\\""]}');
  });

  it("A4 — GET /dashboard with session S after A2", async () => {
    const r = await inject({ method: "GET", url: "/dashboard", headers: { cookie: jar.header() } });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe("<h2>Current: 182.5 lbs</h2>\n<h2>Goal: not set</h2>\n<p>Set a goal to start tracking progress.</p>\n");
  });

  it("A5 — GET /dashboard without a session: 302 to the login page, empty body", async () => {
    const r = await inject({ method: "GET", url: "/dashboard" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/login?next=%2Fdashboard");
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.body).toBe("");
  });

  it("A6 — GET /weight/checkin: @verbatim keeps Vue markup, << >> still filled in", async () => {
    const r = await inject({ method: "GET", url: "/weight/checkin" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe([
      "<h1>Daily check-in · FitTrack</h1>",
      '<div id="checkin">',
      "  <p>Weights are stored by FitTrack for {{ unitLabel }}.</p>",
      '  <form @submit.prevent="send">',
      '    <input v-model.number="weight" type="number" step="0.1">',
      "    <button>Save</button>",
      "  </form>",
      '  <p v-if="message">{{ message }}</p>',
      "</div>",
      '<script src="/assets/checkin.js"></script>',
    ].join("\n"));
  });
});
