// `request` (deep-frozen, null-prototype maps) and `response` / `redirect` through the isolate (SPEC §4.4.1–2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const catchName = (code: string) => `(() => { try { ${code}; return "ok"; } catch (e) { __pc.rethrow(e); return e.name + ": " + e.message; } })()`;

describe("request", () => {
  const request = {
    method: "POST", path: "/shop/product/blue%20mug", protocol: "https", query: { a: "1", b: ["x", "y"], __proto__: "q" },
    headers: { "user-agent": "UA" }, body: { nested: { deep: [1, { k: "v" }] }, constructor: { prototype: 1 } }, ip: "10.0.0.1", ip6: null,
    cookies: { c: "v" }, is_mobile: true, is_tablet: false, route_params: { code: "blue mug" }, route_slug: "blue mug",
  };
  it("is deep-frozen at every depth", async () => {
    const r = await sb.run({
      request: JSON.parse(JSON.stringify(request).replace('"q"', '"q"')),
      units: [out(`[request, request.query, request.query.b, request.body, request.body.nested, request.body.nested.deep, request.body.nested.deep[1], request.headers, request.cookies, request.route_params].every(Object.isFrozen)`),
        `try { request.body.nested.x = 1; setVariable("wrote", 1); } catch (e) { __pc.rethrow(e); setVariable("threw", e.name); }`],
    });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: true }, { t: "var", key: "threw", value: "TypeError" }]);
  });
  it("carries every field as given, with null-prototype maps", async () => {
    const r = await sb.run({
      request: { ...request, query: JSON.parse('{"a":"1","b":["x","y"],"__proto__":"q"}') },
      units: [out(`[request.method, request.path, request.protocol, request.query.a, request.query.b, Object.getPrototypeOf(request.query), Object.getPrototypeOf(request.body), request.query.__proto__, request.headers["user-agent"], request.ip, request.ip6, request.cookies.c, request.is_mobile, request.is_tablet, request.route_params.code, request.route_slug, Object.getPrototypeOf(request) === Object.prototype]`)],
    });
    expect(r.effects[0].value).toEqual(["POST", "/shop/product/blue%20mug", "https", "1", ["x", "y"], null, null, "q", "UA", "10.0.0.1", null, "v", true, false, "blue mug", "blue mug", true]);
  });
  it("a GET without body has body null and route_params null", async () => {
    const r = await sb.run({ units: [out(`[request.method, request.body, request.route_params, request.route_slug]`)] });
    expect(r.effects[0].value).toEqual(["GET", null, null, null]);
  });
});

describe("response.status", () => {
  it.each([[100], [200], [404], [599]])("accepts %d and chains", async (code) => {
    const r = await sb.run({ units: [out(`response.status(${code}) === response`)] });
    expect(r.effects).toEqual([{ t: "status", code }, { t: "var", key: "out", value: true }]);
  });
  it.each(["99", "600", "200.5", '"200"', "NaN", "undefined", "null"])("throws TypeError for %s", async (code) => {
    const r = await sb.run({ units: [out(catchName(`response.status(${code})`))] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: "TypeError: response.status: code must be an integer from 100 to 599" }]);
  });
});

describe("response.json / send", () => {
  it.each([
    ["undefined", "null"], ["null", "null"], ["[1,'a']", '[1,"a"]'], ["new Date(0)", '"1970-01-01T00:00:00.000Z"'], ["{ a: undefined, b: 1 }", '{"b":1}'],
  ])("json(%s) sends %s", async (arg, body) => {
    const r = await sb.run({ units: [`response.json(${arg});`] });
    expect(r.effects).toEqual([{ t: "respond", kind: "json", status: null, body, location: null }]);
  });
  it.each([["'<b>'", "<b>"], ["null", ""], ["undefined", ""], ["42", "42"], ["{ toString() { return 'obj'; } }", "obj"], ["", ""]])("send(%s) sends %j", async (arg, body) => {
    const r = await sb.run({ units: [`response.send(${arg});`] });
    expect(r.effects).toEqual([{ t: "respond", kind: "send", status: null, body, location: null }]);
  });
});

describe("redirect", () => {
  it.each([
    ['"/next"', 302, "/next"], ['"/next", 301', 301, "/next"], ['"https://x.com/a", 303', 303, "https://x.com/a"], ['"/a", 307', 307, "/a"], ['"/a", 308', 308, "/a"],
  ])("redirect(%s)", async (args, status, location) => {
    const r = await sb.run({ units: [`redirect(${args}); setVariable("after", 1);`] });
    expect(r.effects).toEqual([{ t: "respond", kind: "redirect", status, body: "", location }]);
  });
  it.each(['"javascript:alert(1)"', '"//evil.com"', '"http://good.com@evil.com"', '"/\\\\host"', "42", "undefined"])("refuses URL %s", async (arg) => {
    const r = await sb.run({ units: [out(catchName(`redirect(${arg})`))] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: "TypeError: redirect: URL not allowed" }]);
  });
  it.each(["200", "300", "304", '"302"', "302.5", "null"])("refuses status %s", async (arg) => {
    const r = await sb.run({ units: [out(catchName(`redirect("/a", ${arg})`))] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: "TypeError: redirect: status not allowed" }]);
  });
});
