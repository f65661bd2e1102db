// SPEC §6.2–§6.6, §6.9 through inject and runPage: trusted proxies, body size limits (null body, 413), the
// runtime's error bodies (405, 413, 404), the custom 404 page, and routing of odd paths.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, page, json, header, headersNamed, type Kit } from "./site-kit.js";

const errorBody = (status: number, reason: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${status} ${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>`;

let proxied: Kit;
let plain: Kit;
beforeAll(async () => {
  proxied = await startKit({
    "site.json": { id: "proxy-site", typeCheck: "off", trustProxy: true, limits: { maxBodyBytes: 100, maxRequestBytes: 1000 } },
    "pages/echo.ef": page(`session.set('k', 1); cookie.set('c', 'v'); response.json({ ip: request.ip, ip6: request.ip6, protocol: request.protocol, body: request.body });`),
    "pages/404.ef": page(`setVariable('where', request.path);`, "<h1>Lost: {{ var.where }}</h1>"),
  });
  plain = await startKit({
    "site.json": { id: "plain-site", typeCheck: "off" },
    "pages/shop/index.ef": "<p>shop index</p>",
    "pages/a/b.ef": "<p>a/b</p>",
  });
});
afterAll(async () => { await proxied?.stop(); await plain?.stop(); });

describe("trustProxy (SPEC §6.6)", () => {
  it("takes the client address from the leftmost X-Forwarded-For entry and the protocol from X-Forwarded-Proto", async () => {
    const r = await proxied.run("/echo", { headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-forwarded-proto": "https" } });
    expect(json(r)).toMatchObject({ ip: "203.0.113.7", ip6: null, protocol: "https" });
    const cookies = headersNamed(r, "set-cookie");
    expect(cookies[0]).toBe("c=v; Path=/; SameSite=Lax; Secure");
    expect(cookies[1]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });
});

describe("body limits (SPEC §6.3, §6.4)", () => {
  it("a body over maxBodyBytes reaches the script as null, and the page still runs", async () => {
    const small = await proxied.server.fastify.inject({ method: "POST", url: "/echo", headers: { "content-type": "application/json" }, payload: '{"a":1}' });
    expect(JSON.parse(small.body).body).toEqual({ a: 1 });
    const big = await proxied.server.fastify.inject({ method: "POST", url: "/echo", headers: { "content-type": "application/json" }, payload: JSON.stringify({ a: "x".repeat(200) }) });
    expect(big.statusCode).toBe(200);
    expect(JSON.parse(big.body).body).toBeNull();
  });
  it("a body over maxRequestBytes answers 413 with the runtime's error page", async () => {
    const r = await proxied.server.fastify.inject({ method: "POST", url: "/echo", headers: { "content-type": "application/json" }, payload: JSON.stringify({ a: "x".repeat(2000) }) });
    expect(r.statusCode).toBe(413);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe(errorBody(413, "Payload Too Large"));
  });
  it("a method other than GET, HEAD and POST answers 405", async () => {
    const r = await plain.server.fastify.inject({ method: "PUT", url: "/a/b", payload: "x" });
    expect(r.statusCode).toBe(405);
    expect(r.body).toBe(errorBody(405, "Method Not Allowed"));
  });
});

describe("404 (SPEC §6.2, §6.9)", () => {
  it("the custom 404 page runs its script and answers 404; /404 itself answers 200", async () => {
    const r = await proxied.run("/no/such/page");
    expect(r.status).toBe(404);
    expect(r.body).toBe("<h1>Lost: /no/such/page</h1>");
    const direct = await proxied.run("/404");
    expect(direct.status).toBe(200);
    expect(direct.body).toBe("<h1>Lost: /404</h1>");
  });
  it("without a 404 page, unknown paths and undecodable segments get the runtime's 404 body", async () => {
    for (const url of ["/nope", "/a/%E0%A4%A", "/a/b/c"]) {
      const r = await plain.run(url);
      expect(r.status, url).toBe(404);
      expect(r.body).toBe(errorBody(404, "Not Found"));
      expect(header(r, "content-type")).toBe("text/html; charset=utf-8");
    }
  });
  it("empty segments are dropped and folder indexes answer /shop and /shop/", async () => {
    expect((await plain.run("//a///b/")).body).toBe("<p>a/b</p>");
    expect((await plain.run("/shop")).body).toBe("<p>shop index</p>");
    expect((await plain.run("/shop/")).body).toBe("<p>shop index</p>");
  });
});
