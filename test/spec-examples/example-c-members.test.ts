// SPEC §10.3 Example C (members): C1–C5 in order, then /members again behaves like C1.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import type { InjectOptions } from "fastify";
import { startTestServer, CookieJar, type TestServer } from "../runtime/server-harness.js";

const site = join(import.meta.dirname, "../fixtures/spec-sites/members");
let t: TestServer;
const jar = new CookieJar();
let firstSid = "";
let firstCookie = "";
beforeAll(async () => { t = await startTestServer(site); });
afterAll(async () => { await t?.stop(); });

const inject = (opts: InjectOptions) => t.server.fastify.inject(opts);
const HTML_CT = "text/html; charset=utf-8";
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const COOKIE_RE = /^pagec_sid=([A-Za-z0-9_-]{32})\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=(\d+); HttpOnly; SameSite=Lax$/;

describe("SPEC §10.3 Example C", () => {
  it("C1 — GET /members without a session: 302, no Set-Cookie", async () => {
    const r = await inject({ method: "GET", url: "/members" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/login?next=%2Fmembers");
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.body).toBe("");
  });

  it("C2 — wrong PIN: 401 with the form", async () => {
    const r = await inject({ method: "POST", url: "/login?next=%2Fmembers", headers: FORM, payload: "email=sam%40example.com&pin=0000" });
    expect(r.statusCode).toBe(401);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.body).toBe([
      "<h1>Member login</h1>",
      '<p class="error">That email and PIN do not match.</p>',
      '<form method="post" action="/login?next=%2Fmembers">',
      '  <input name="email" type="email" value="sam@example.com">',
      '  <input name="pin" type="password" inputmode="numeric">',
      "  <button>Sign in</button>",
      "</form>",
    ].join("\n"));
  });

  it("C3 — correct PIN: 302 to /members with a new session cookie", async () => {
    const r = await inject({ method: "POST", url: "/login?next=%2Fmembers", headers: FORM, payload: "email=sam%40example.com&pin=4321" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/members");
    expect(r.headers["cache-control"]).toBe("no-store");
    const sc = String(r.headers["set-cookie"]);
    const m = COOKIE_RE.exec(sc);
    expect(m, sc).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThanOrEqual(10799);
    expect(Number(m![2])).toBeLessThanOrEqual(10800);
    firstSid = m![1];
    firstCookie = sc.split(";")[0];
    expect(r.body).toBe("");
    jar.store(r.headers["set-cookie"]);
  });

  it("C3 over HTTPS (trusted only via the connection): the cookie carries Secure", async () => {
    const res = await t.server.runtime();
    const { runPage } = await import("../../runtime/index.js");
    const r = await runPage(res, { method: "POST", url: "/login?next=%2Fmembers", headers: FORM, remoteAddress: "127.0.0.1", encrypted: true, body: { email: "sam@example.com", pin: "4321" } });
    expect(r.status).toBe(302);
    const sc = r.headers.filter(([k]) => k.toLowerCase() === "set-cookie").map(([, v]) => v);
    expect(sc).toHaveLength(1);
    expect(sc[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("C4 — GET /members with the cookie: layout + child", async () => {
    const r = await inject({ method: "GET", url: "/members", headers: { cookie: jar.header() } });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["set-cookie"]).toBeUndefined();
    expect(r.body).toBe(`<!DOCTYPE html>
<html>
<head><title>Your plan | Members</title></head>
<body>
<header>Signed in as Sam Lee · <a href="/logout">Log out</a></header>
<h1>Welcome back, Sam Lee</h1>
<ol>
  <li>Weekly plan</li>
  <li>Coach chat</li>
  <li>Recipe vault (new)</li>
</ol>
</body>
</html>`);
  });

  it("C5 — GET /logout: 302 to /login, rotated session cookie", async () => {
    const r = await inject({ method: "GET", url: "/logout", headers: { cookie: jar.header() } });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe("/login");
    expect(r.headers["cache-control"]).toBe("no-store");
    const sc = String(r.headers["set-cookie"]);
    const m = COOKIE_RE.exec(sc);
    expect(m, sc).not.toBeNull();
    expect(m![1]).not.toBe(firstSid);
    expect(r.body).toBe("");
    jar.store(r.headers["set-cookie"]);
  });

  it("after C5, GET /members behaves like C1 (with the rotated cookie and with the pre-logout one)", async () => {
    for (const cookie of [jar.header(), firstCookie]) {
      const r = await inject({ method: "GET", url: "/members", headers: { cookie } });
      expect(r.statusCode).toBe(302);
      expect(r.headers.location).toBe("/login?next=%2Fmembers");
      expect(r.body).toBe("");
    }
  });
});
