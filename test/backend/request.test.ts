// SPEC §4.4.1 through runPage: every member of `request` (route params, repeated query keys, the header
// allow-list, cookies without the session cookie, bodies, device flags, ip/ip6), and its deep freeze.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, jsonPage, json, type Kit } from "./site-kit.js";

let k: Kit;
beforeAll(async () => {
  k = await startKit({
    "site.json": { id: "req-site", typeCheck: "off" },
    "pages/echo.ef": jsonPage(`
      out.request = request;
      out.frozen = [request, request.query, request.headers, request.cookies].every((o) => Object.isFrozen(o));
      try { request.method = 'PUT'; out.assign = 'allowed'; } catch (e) { out.assign = e.name; }
      out.methodAfter = request.method;`),
    "pages/shop/{cat}/{code}.ef": jsonPage(`out.params = request.route_params; out.slug = request.route_slug; out.path = request.path;
      out.paramsFrozen = Object.isFrozen(request.route_params);`),
    "pages/login.ef": jsonPage(`session.set('seen', 1); out.cookies = request.cookies;`),
  });
});
afterAll(async () => { await k?.stop(); });

describe("request", () => {
  it("exposes method, path, protocol, query (repeated keys → arrays, + → space) and null route members", async () => {
    const r = await k.run("/echo?a=1&b=x+y&a=2&c=%C3%A9%20z&empty=");
    expect(r.status).toBe(200);
    const { request } = json(r);
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/echo");
    expect(request.protocol).toBe("http");
    expect(request.query).toEqual({ a: ["1", "2"], b: "x y", c: "é z", empty: "" });
    expect(request.route_params).toBeNull();
    expect(request.route_slug).toBeNull();
    expect(request.body).toBeNull();
  });

  it("is deep-frozen: assignment throws TypeError in strict mode and changes nothing", async () => {
    const out = json(await k.run("/echo"));
    expect(out.frozen).toBe(true);
    expect(out.assign).toBe("TypeError");
    expect(out.methodAfter).toBe("GET");
  });

  it("keeps only user-agent, referer, accept-language and host", async () => {
    const r = await k.run("/echo", { headers: { "user-agent": "UA/1", referer: "https://r.test/", "accept-language": "de", "x-secret": "no", authorization: "Bearer t", cookie: "a=1" } });
    expect(json(r).request.headers).toEqual({ "user-agent": "UA/1", referer: "https://r.test/", "accept-language": "de", host: "example.test" });
  });

  it("omits headers the client did not send", async () => {
    const r = await k.run("/echo", { headers: { host: "" } });
    const h = json(r).request.headers;
    expect(h["user-agent"]).toBeUndefined();
    expect(h.referer).toBeUndefined();
  });

  it("shows request cookies URI-decoded (raw when decoding fails) and never the session cookie", async () => {
    const login = await k.run("/login");
    const sid = login.headers.find(([n, v]) => n.toLowerCase() === "set-cookie" && v.startsWith("pagec_sid="))![1].split(";")[0];
    const r = await k.run("/echo", { cookie: `theme=dark%20blue; bad=%E0%A4%A; ${sid}` });
    expect(json(r).request.cookies).toEqual({ theme: "dark blue", bad: "%E0%A4%A" });
  });

  it("HEAD runs as GET", async () => {
    const r = await k.run("/echo", { method: "HEAD" });
    expect(json(r).request.method).toBe("GET");
  });

  it("gives a POST its parsed body (any JSON value) and https protocol on encrypted requests", async () => {
    const r = await k.run("/echo", { method: "POST", body: { n: 1, list: [1, "a"] }, encrypted: true });
    const { request } = json(r);
    expect(request.method).toBe("POST");
    expect(request.body).toEqual({ n: 1, list: [1, "a"] });
    expect(request.protocol).toBe("https");
  });

  it("fills route_params and route_slug with decoded segments for wildcard routes", async () => {
    const out = json(await k.run("/shop/mugs%20big/blue%2Fmug?x=1"));
    expect(out.params).toEqual({ cat: "mugs big", code: "blue/mug" });
    expect(out.slug).toBe("mugs big/blue/mug");
    expect(out.path).toBe("/shop/mugs%20big/blue%2Fmug");
    expect(out.paramsFrozen).toBe(true);
  });

  it.each([
    ["iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", true, false],
    ["Android phone", "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36", true, false],
    ["Android tablet", "Mozilla/5.0 (Linux; Android 14; SM-X700) Safari/537.36", false, true],
    ["iPad", "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", false, true],
    ["desktop", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0", false, false],
  ])("device detection: %s", async (_n, ua, mobile, tablet) => {
    const { request } = json(await k.run("/echo", { headers: { "user-agent": ua } }));
    expect([request.is_mobile, request.is_tablet]).toEqual([mobile, tablet]);
  });

  it("device flags are false without a User-Agent", async () => {
    const { request } = json(await k.run("/echo"));
    expect([request.is_mobile, request.is_tablet]).toEqual([false, false]);
  });

  it.each([
    ["127.0.0.1", "127.0.0.1", null],
    ["::ffff:10.1.2.3", "10.1.2.3", null],
    ["2001:db8::1", "2001:db8::1", "2001:db8::1"],
  ])("ip/ip6 for remote address %s", async (addr, ip, ip6) => {
    const { request } = json(await k.run("/echo", { remoteAddress: addr }));
    expect([request.ip, request.ip6]).toEqual([ip, ip6]);
  });

  it("ignores X-Forwarded-For/Proto without trustProxy", async () => {
    const { request } = json(await k.run("/echo", { headers: { "x-forwarded-for": "9.9.9.9", "x-forwarded-proto": "https" } }));
    expect(request.ip).toBe("127.0.0.1");
    expect(request.protocol).toBe("http");
  });

  it("drops __proto__ and constructor.prototype keys from JSON bodies, form bodies and queries (HTTP server)", async () => {
    const r = await k.server.fastify.inject({ method: "POST", url: "/echo?__proto__=x&ok=1", headers: { "content-type": "application/json" }, payload: '{"a":{"__proto__":{"p":1},"b":2},"constructor":{"prototype":{"q":1},"k":3}}' });
    const { request } = JSON.parse(r.body);
    expect(request.query).toEqual({ ok: "1" });
    expect(request.body).toEqual({ a: { b: 2 }, constructor: { k: 3 } });
    const f = await k.server.fastify.inject({ method: "POST", url: "/echo", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "__proto__=1&a=1&a=2&b%5Bc%5D=3" });
    expect(JSON.parse(f.body).request.body).toEqual({ a: ["1", "2"], "b[c]": "3" });
  });

  it("gives null for invalid JSON, other content types and empty bodies", async () => {
    for (const [ct, payload] of [["application/json", "{bad"], ["text/plain", "a=1"], ["application/json", ""]]) {
      const r = await k.server.fastify.inject({ method: "POST", url: "/echo", headers: { "content-type": ct }, payload });
      expect(r.statusCode).toBe(200);
      expect(JSON.parse(r.body).request.body).toBeNull();
    }
  });
});
