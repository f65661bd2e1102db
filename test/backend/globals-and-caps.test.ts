// SPEC §4.1, §4.3, §4.5.1, §6.4, §6.7, §9 through runPage and inject: top-level `this`, non-writable pagec globals,
// absent platform globals, the CRM call cap, session size caps, and the headers every page response carries.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, page, json, headersNamed, logTexts, sessionPair, type Kit } from "./site-kit.js";

let k: Kit;
beforeAll(async () => {
  k = await startKit({
    "site.json": { id: "caps-site", typeCheck: "off", crm: { entities: [{ slug: "t" }] } },
    "pages/globals.ef": page(`
const d = (x) => x;
const names = ['request', 'response', 'redirect', 'setHeader', 'cookie', 'session', 'getSessionItem', 'setSessionItem', 'clearSessionItem',
  'is_customer', 'customer', 'getCustomer', 'setVariable', 'getVariable', 'console', 'getCrmEntries', 'setCrmField', 'Schema'];
const writable = names.filter((n) => { try { globalThis[d(n)] = 1; return true; } catch (e) { return false; } });
const configurable = names.filter((n) => Object.getOwnPropertyDescriptor(globalThis, n)?.configurable !== false);
const absent = ['fetch', 'setTimeout', 'setInterval', 'queueMicrotask', 'require', 'process', 'Buffer', 'global', 'window', 'document',
  'URL', 'TextEncoder', 'atob', 'crypto', 'structuredClone', 'performance', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'ivm', 'cache', 'getUser']
  .filter((n) => typeof globalThis[d(n)] !== 'undefined');
response.json({ self: this === undefined, writable, configurable, absent, stillFn: typeof redirect });`),
    "pages/crm-cap.ef": page(`
let n = 0, err = null;
try { for (;;) { getCrmField({ slug: 't', referenceId: 'r', fieldKey: 'k' }); n++; } } catch (e) { err = e.name + ': ' + e.message; }
response.json({ n, err });`),
    "pages/session-cap.ef": page(`
const chunk = 'x'.repeat(60000);
const r = [];
for (let i = 0; i < 6; i++) r.push(session.set('k' + i, chunk));
setSessionItem('big', 'y'.repeat(65537));
setSessionItem('small', 'ok');
response.json({ r, big: getSessionItem('big'), small: getSessionItem('small') });`),
    "pages/headers.ef": page(`
setHeader('X-One', '1');
cookie.set('first', 'a');
setHeader('Content-Security-Policy', "default-src 'self'");
if (request.query.cache) setHeader('cache-control', 'public, max-age=60');
session.set('k', 1);
cookie.set('second', 'b');
setHeader('X-One', 'replaced');`, "<p>hi</p>"),
  });
});
afterAll(async () => { await k?.stop(); });

describe("sandbox globals (SPEC §4.1, §4.3)", () => {
  it("`this` is undefined at the top level; pagec globals are non-writable and non-configurable; platform and Node globals are absent", async () => {
    const out = json(await k.run("/globals"));
    expect(out.self).toBe(true);
    expect(out.writable).toEqual([]);
    expect(out.configurable).toEqual([]);
    expect(out.absent).toEqual([]);
    expect(out.stillFn).toBe("function");
  });
});

describe("caps", () => {
  it("the 1,001st CRM call in a request throws `pagec: too many CRM calls`", async () => {
    expect(json(await k.run("/crm-cap"))).toEqual({ n: 1000, err: "Error: pagec: too many CRM calls" });
  });
  it("session.set is refused once the record would exceed 256 KiB; an item over 65,536 bytes is dropped with a warning", async () => {
    const r = await k.run("/session-cap");
    const out = json(r);
    expect(out.r.slice(0, 4)).toEqual([true, true, true, true]);
    expect(out.r[4]).toBe(false);
    expect(out.big).toBe("");
    expect(out.small).toBe("ok");
    expect(logTexts(r, "warn").length).toBeGreaterThanOrEqual(1);
  });
});

describe("headers on every page response (SPEC §6.4)", () => {
  it("script headers in first-set order, Cache-Control, nosniff, request id, then script cookies and the session cookie", async () => {
    const r = await k.server.fastify.inject({ method: "GET", url: "/headers" });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("<p>hi</p>");
    const names = Object.keys(r.headers);
    expect(names.indexOf("x-one")).toBeLessThan(names.indexOf("content-security-policy"));
    expect(r.headers["x-one"]).toBe("replaced");
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-pagec-request-id"]).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const cookies = r.headers["set-cookie"] as string[];
    expect(cookies).toHaveLength(3);
    expect(cookies[0]).toBe("first=a; Path=/; SameSite=Lax");
    expect(cookies[1]).toBe("second=b; Path=/; SameSite=Lax");
    expect(cookies[2]).toMatch(/^pagec_sid=/);
  });
  it("a script's Cache-Control replaces no-store", async () => {
    const r = await k.server.fastify.inject({ method: "GET", url: "/headers?cache=1" });
    expect(r.headers["cache-control"]).toBe("public, max-age=60");
  });
  it("runPage reports the same request id as it returns", async () => {
    const r = await k.run("/headers");
    expect(r.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(headersNamed(r, "set-cookie")).toHaveLength(3);
    expect(sessionPair(r)).toBeDefined();
  });
});
