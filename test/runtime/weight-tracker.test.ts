// The seed's whole weight check-in flow through Fastify inject() and through a real loopback server.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import Database from "better-sqlite3";
import { startTestServer, CookieJar, type TestServer } from "./server-harness.js";

const site = join(import.meta.dirname, "../../examples/weight-tracker");
let t: TestServer;
beforeAll(async () => { t = await startTestServer(site); });
afterAll(async () => { await t?.stop(); });

const inject = (opts: Parameters<TestServer["server"]["fastify"]["inject"]>[0]) => t.server.fastify.inject(opts);

describe("weight-tracker through inject()", () => {
  const jar = new CookieJar();

  it("refuses a check-in without a customer: 401 JSON, no CRM write", async () => {
    const r = await inject({ method: "POST", url: "/weight/checkin", payload: { weight: 182 } });
    expect(r.statusCode).toBe(401);
    expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(r.json()).toEqual({ ok: false, error: "not authenticated" });
    expect(r.headers["set-cookie"]).toBeUndefined();
  });

  it("logs in through the login page (session.setCustomer) and redirects", async () => {
    const r = await inject({ method: "POST", url: "/login?next=%2Fdashboard", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "email=sam%40example.com&pin=4321" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/dashboard");
    expect(String(r.headers["set-cookie"])).toMatch(/^pagec_sid=[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(r.body).toBe("");
    jar.store(r.headers["set-cookie"]);
  });

  it("rejects a wrong PIN with 401 and the form", async () => {
    const r = await inject({ method: "POST", url: "/login", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "email=sam%40example.com&pin=0000" });
    expect(r.statusCode).toBe(401);
    expect(r.body).toContain('<p class="error">That email and PIN do not match.</p>');
    expect(r.body).toContain('value="sam@example.com"');
  });

  it("stores a valid check-in and answers {ok:true,data}", async () => {
    const r = await inject({ method: "POST", url: "/weight/checkin", headers: { cookie: jar.header() }, payload: { weight: "182.5", notes: "felt <b>good</b>", extra: "dropped" } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ ok: true, data: { weight: 182.5, unit: "lbs", notes: "felt <b>good</b>" } });
    const db = new Database(t.db, { readonly: true });
    const rows = db.prepare("SELECT reference_type, reference_id, values_json FROM pagec_crm_entries WHERE site = ? AND entity = ? ORDER BY seq").all("weight-tracker", "pattern-tracker") as { reference_type: string; reference_id: string; values_json: string }[];
    db.close();
    expect(rows[0]).toMatchObject({ reference_type: "customer", reference_id: "c-42" });
    expect(JSON.parse(rows[0].values_json)).toMatchObject({ current_weight: 182.5, weight_unit: "lbs" });
    expect(rows.some((row) => JSON.parse(row.values_json).checkin_notes === "felt <b>good</b>")).toBe(true);
  });

  it("answers 400 with the Schema's errors for an invalid body", async () => {
    const r = await inject({ method: "POST", url: "/weight/checkin", headers: { cookie: jar.header() }, payload: { weight: 20, unit: "stone" } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ ok: false, errors: ['"weight" must be at least 50', '"unit" must be one of "lbs", "kg"'] });
  });

  it("treats a body over 64 KB as a null body (the Schema then reports the missing weight)", async () => {
    const r = await inject({ method: "POST", url: "/weight/checkin", headers: { cookie: jar.header(), "content-type": "application/json" }, payload: JSON.stringify({ weight: 100, notes: "x".repeat(70000) }) });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ ok: false, errors: ['"weight" is required'] });
  });

  it("shows the stored weight and the v-if branch on the dashboard", async () => {
    const r = await inject({ method: "GET", url: "/dashboard", headers: { cookie: jar.header() } });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.body).toContain("<h2>Current weight: 182.5 lbs</h2>");
    expect(r.body).toContain("<p>Set a goal to start tracking progress.</p>");
    expect(r.body).not.toContain("v-if");
    expect(r.body).not.toContain("reached your goal");
    expect(r.body).toContain("<li>felt &lt;b&gt;good&lt;/b&gt;</li>");
    expect(r.body).not.toContain("scope=\"backend\"");
  });

  it("redirects the dashboard to the login page without a session", async () => {
    const r = await inject({ method: "GET", url: "/dashboard" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/login?next=%2Fdashboard");
    expect(r.body).toBe("");
  });

  it("logs out: identity removed, session rotated", async () => {
    const r = await inject({ method: "GET", url: "/logout", headers: { cookie: jar.header() } });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/login");
    const old = jar.header();
    jar.store(r.headers["set-cookie"]);
    expect(jar.header()).not.toBe(old);
    const after = await inject({ method: "GET", url: "/dashboard", headers: { cookie: jar.header() } });
    expect(after.statusCode).toBe(302);
  });

  it("answers 405 for other methods, 404 for unknown paths, and health", async () => {
    expect((await inject({ method: "DELETE", url: "/" })).statusCode).toBe(405);
    expect((await inject({ method: "DELETE", url: "/" })).headers.allow).toBe("GET, HEAD, POST");
    const nf = await inject({ method: "GET", url: "/nope" });
    expect(nf.statusCode).toBe(404);
    expect(nf.body).toBe('<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>');
    const h = await inject({ method: "GET", url: "/__pagec/health" });
    expect(h.json()).toMatchObject({ ok: true, formatVersion: 1 });
    expect((await inject({ method: "GET", url: "/__pagec/logs" })).statusCode).toBe(404);
    const head = await inject({ method: "HEAD", url: "/" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
  });
});

describe("weight-tracker over a real loopback socket", () => {
  it("serves the flow end to end with fetch()", async () => {
    const address = await t.server.listen();
    const jar = new CookieJar();
    const login = await fetch(`${address}/login`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=sam%40example.com&pin=4321" });
    expect(login.status).toBe(302);
    jar.store(login.headers.getSetCookie());
    const post = await fetch(`${address}/weight/checkin`, { method: "POST", headers: { "content-type": "application/json", cookie: jar.header() }, body: JSON.stringify({ weight: 170, unit: "kg" }) });
    expect(post.status).toBe(200);
    expect(await post.json()).toEqual({ ok: true, data: { weight: 170, unit: "kg", notes: "" } });
    const dash = await fetch(`${address}/dashboard`, { headers: { cookie: jar.header() } });
    expect(await dash.text()).toContain("<h2>Current weight: 170 kg</h2>");
  });
});
