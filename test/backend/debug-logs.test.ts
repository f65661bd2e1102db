// SPEC §6.11 through the HTTP server with `debug: true`: the execution log of a request (console entries and a
// script error mapped to the page's file:line:column) in /__pagec/logs and /__pagec/logs/<id>; 404 without debug.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, page, type Kit } from "./site-kit.js";
import { entryText } from "../../runtime/server/debug-log.js";

const FILES = {
  "site.json": { id: "debug-site", typeCheck: "off" },
  "pages/oops.ef": page(`console.log('hello', 1);\nconsole.warn({ a: 1 });\nconst v = request.query.none;\nv.trim();`, "<p>rendered</p>"),
};
let k: Kit;
let plain: Kit;
beforeAll(async () => { k = await startKit(FILES, { debug: true }); plain = await startKit(FILES); });
afterAll(async () => { await k?.stop(); await plain?.stop(); });

describe("debug log endpoints", () => {
  it("record the request's entries with the error at pages/oops.ef:5", async () => {
    const r = await k.server.fastify.inject({ method: "GET", url: "/oops?x=1" });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("<p>rendered</p>");
    const id = r.headers["x-pagec-request-id"] as string;
    const list = (await k.server.fastify.inject({ method: "GET", url: "/__pagec/logs" })).json();
    expect(Array.isArray(list)).toBe(true);
    expect(list[0].id).toBe(id);
    const one = await k.server.fastify.inject({ method: "GET", url: `/__pagec/logs/${id}` });
    expect(one.statusCode).toBe(200);
    const rec = one.json();
    expect(rec).toMatchObject({ id, method: "GET", path: "/oops", page: "oops", status: 200 });
    expect(typeof rec.durationMs).toBe("number");
    expect(rec.entries.slice(0, 2)).toEqual([{ level: "info", text: "hello 1" }, { level: "warn", text: '{"a":1}' }]);
    const err = rec.entries[2];
    expect(err).toMatchObject({ level: "error", file: "pages/oops.ef", line: 5, column: 3 });
    expect(err.text).toMatch(/^TypeError: /);
    expect(entryText(err)).toMatch(/^\[error\] pages\/oops\.ef:5:3 TypeError: /);
    expect((await k.server.fastify.inject({ method: "GET", url: "/__pagec/logs/nope" })).statusCode).toBe(404);
  });
  it("answer 404 without --debug", async () => {
    expect((await plain.server.fastify.inject({ method: "GET", url: "/__pagec/logs" })).statusCode).toBe(404);
  });
});
