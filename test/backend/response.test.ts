// SPEC §4.4.2–§4.4.3, §6.4 through runPage: response.status/json/send and chaining, redirect targets and
// statuses, setHeader (blocked names, CR/LF, 50-header cap), cookie.set/delete attribute order and reserved names.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, jsonPage, page, json, header, headersNamed, logTexts, type Kit } from "./site-kit.js";

// `d()` hides values from the static checks (literal violations are compile errors); `t()` reports a throw.
const HELPERS = `const d = (x) => x;
const t = (f) => { try { return f(); } catch (e) { return e.name + ': ' + e.message; } };`;

let k: Kit;
beforeAll(async () => {
  k = await startKit({
    "site.json": { id: "resp-site", typeCheck: "off" },
    "pages/status.ef": page(`${HELPERS}
      const r = t(() => response.status(Number(request.query.code)));
      setVariable('r', r === response ? 'response' : r);`, "<p>{{ var.r }}</p>"),
    "pages/chain.ef": page(`response.status(201).json({ made: true });`),
    "pages/json-undefined.ef": page(`response.json(undefined);`),
    "pages/json-bad.ef": page(`${HELPERS}
      const cyc = {}; cyc.self = cyc;
      setVariable('cycle', t(() => response.json(cyc)));
      setVariable('big', t(() => response.json({ n: BigInt(1) })));`, "<p>{{ var.cycle }}|{{ var.big }}</p>"),
    "pages/send.ef": page(`const v = request.query.v;
      if (request.query.ct) setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.status(202);
      response.send(v === 'null' ? null : v === 'undef' ? undefined : v === 'num' ? 42 : v === 'obj' ? { a: 1 } : v);`),
    "pages/go.ef": page(`${HELPERS}
      const s = request.query.s;
      const status = s === undefined ? undefined : s === 'str' ? '302' : Number(s);
      const err = t(() => status === undefined ? redirect(request.query.u) : redirect(request.query.u, status));
      response.json({ err });`),
    "pages/headers.ef": jsonPage(`${HELPERS}
      out.ok = setHeader('X-Frame-Options', 'DENY');
      out.num = setHeader('X-Num', d(42));
      out.ctl = setHeader('X-Ctl', d('a\\u0001b\\u007fc\\td'));
      out.again = setHeader('x-frame-options', 'SAMEORIGIN');
      out.cache = setHeader('Cache-Control', 'max-age=60');
      out.cr = t(() => setHeader('X-Bad', d('a\\r\\nSet-Cookie: x=1')));
      out.nul = t(() => setHeader('X-Bad', d('a\\u0000b')));
      out.wide = t(() => setHeader('X-Bad', d('snow ☃')));
      out.latin1 = setHeader('X-Latin', d('café'));
      out.badName = t(() => setHeader(d('Bad Name'), 'x'));
      out.nonString = t(() => setHeader(d(42), 'x'));
      out.blocked = ['set-cookie', 'Set-Cookie2', 'cookie', 'Content-Length', 'content-encoding', 'transfer-encoding', 'connection',
        'keep-alive', 'upgrade', 'te', 'trailer', 'host', 'Location', 'date', 'server', 'proxy-authenticate', 'Access-Control-Allow-Origin',
        'X-Pagec-Request-Id'].map((n) => setHeader(d(n), 'x'));
      out.tooLong = setHeader('X-Long', d('x'.repeat(8193)));
      out.maxLong = setHeader('X-Long8192', d('y'.repeat(8192)));`),
    "pages/many-headers.ef": jsonPage(`
      out.results = [];
      for (let i = 1; i <= 51; i++) out.results.push(setHeader('X-H' + i, String(i)));
      out.replace = setHeader('x-h1', 'again');`),
    "pages/cookies.ef": page(`${HELPERS}
      const out = {};
      out.plain = cookie.set('theme', 'dark blue;x');
      out.full = cookie.set('prefs', d(12), { maxAge: 3600.9, path: '/account', httpOnly: true, sameSite: 'Strict', domain: 'evil.test' });
      out.none = cookie.set('cross', 'v', { sameSite: 'None' });
      out.zero = cookie.set('zero', '', { maxAge: 0, secure: false });
      out.del = cookie.delete('old', { path: '/x' });
      out.delDefault = cookie.delete('old2');
      out.reserved = ['pagec_sid', 'hop', 'subid', 'aff', 'pagec_x', '__pagec_y'].map((n) => cookie.set(d(n), 'v'));
      out.reservedDel = cookie.delete(d('hop'));
      out.badName = t(() => cookie.set(d('bad name'), 'v'));
      out.badMaxAge = t(() => cookie.set('m', 'v', { maxAge: d(-1) }));
      out.nanMaxAge = t(() => cookie.set('m', 'v', { maxAge: d('10') }));
      out.badPath = t(() => cookie.set('p', 'v', { path: d('/a;b') }));
      out.relPath = t(() => cookie.set('p', 'v', { path: d('a') }));
      out.big = cookie.set('big', d('x'.repeat(4097)));
      response.json(out);`),
    "pages/cookie-cap.ef": jsonPage(`out.results = []; for (let i = 1; i <= 51; i++) out.results.push(cookie.set('c' + i, 'v'));`),
  });
});
afterAll(async () => { await k?.stop(); });

describe("response.status", () => {
  it.each([[100], [201], [404], [599]])("accepts %i and returns response (chaining)", async (code) => {
    const r = await k.run(`/status?code=${code}`);
    expect(r.status).toBe(code);
    expect(r.body).toBe("<p>response</p>");
  });
  it.each([["99"], ["600"], ["200.5"], ["abc"]])("refuses %s with a TypeError; the page still renders with 200", async (code) => {
    const r = await k.run(`/status?code=${code}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/^<p>TypeError: /);
  });
  it("response.status(201).json(…) chains", async () => {
    const r = await k.run("/chain");
    expect(r.status).toBe(201);
    expect(header(r, "content-type")).toBe("application/json; charset=utf-8");
    expect(r.body).toBe('{"made":true}');
  });
});

describe("response.json / response.send", () => {
  it("json(undefined) sends null", async () => {
    const r = await k.run("/json-undefined");
    expect([r.status, r.body]).toEqual([200, "null"]);
  });
  it("json of a cycle or a BigInt throws TypeError and sends nothing", async () => {
    const r = await k.run("/json-bad");
    expect(r.status).toBe(200);
    expect(header(r, "content-type")).toBe("text/html; charset=utf-8");
    expect(r.body).toMatch(/^<p>TypeError: [^|]+\|TypeError: [^|]+<\/p>$/);
  });
  it.each([
    ["hello", "<b>hi</b>", "<b>hi</b>"],
    ["null", "null", ""],
    ["undefined", "undef", ""],
    ["a number", "num", "42"],
    ["an object", "obj", "[object Object]"],
  ])("send(%s)", async (_n, v, body) => {
    const r = await k.run(`/send?v=${encodeURIComponent(v)}`);
    expect(r.status).toBe(202);
    expect(header(r, "content-type")).toBe("text/html; charset=utf-8");
    expect(r.body).toBe(body);
  });
  it("send keeps a Content-Type set with setHeader", async () => {
    const r = await k.run("/send?v=x&ct=1");
    expect(headersNamed(r, "content-type")).toEqual(["text/plain; charset=utf-8"]);
    expect(r.body).toBe("x");
  });
});

describe("redirect", () => {
  it.each([
    ["/ok", undefined, 302], ["/a?b=c#d", "301", 301], ["/x", "303", 303], ["/x", "307", 307], ["/x", "308", 308],
    ["http://example.com/x", undefined, 302], ["HTTPS://Example.com:8443/p?q", undefined, 302], ["/", undefined, 302],
  ])("allows %s (status %s)", async (u, s, status) => {
    const r = await k.run(`/go?u=${encodeURIComponent(u)}${s ? `&s=${s}` : ""}`);
    expect(r.status).toBe(status);
    expect(header(r, "location")).toBe(u);
    expect(r.body).toBe("");
    expect(header(r, "cache-control")).toBe("no-store");
  });
  it.each([
    "javascript:alert(1)", "data:text/html,x", "https:evil.com", "//evil.com", "///evil.com", "/\\evil.com", "\\\\evil.com",
    "http://good.com@evil.com", "http://user:pw@good.com/", "/a b", "/a\tb", "/a\u007fb", "relative", "ftp://example.com/", "http://", "",
  ])("refuses %j with TypeError `redirect: URL not allowed`", async (u) => {
    const r = await k.run(`/go?u=${encodeURIComponent(u)}`);
    expect(r.status).toBe(200);
    expect(header(r, "location")).toBeUndefined();
    expect(json(r).err).toBe("TypeError: redirect: URL not allowed");
  });
  it.each(["300", "304", "200", "302.5", "str"])("refuses status %s with TypeError `redirect: status not allowed`", async (s) => {
    const r = await k.run(`/go?u=%2Fok&s=${s}`);
    expect(header(r, "location")).toBeUndefined();
    expect(json(r).err).toBe("TypeError: redirect: status not allowed");
  });
});

describe("setHeader", () => {
  it("sets, converts, strips control characters, replaces case-insensitively and keeps first-set order", async () => {
    const r = await k.run("/headers");
    const out = json(r);
    expect(out).toMatchObject({ ok: true, num: true, ctl: true, again: true, cache: true, latin1: true });
    expect(header(r, "x-frame-options")).toBe("SAMEORIGIN");
    expect(headersNamed(r, "x-frame-options")).toHaveLength(1);
    expect(header(r, "x-num")).toBe("42");
    expect(header(r, "x-ctl")).toBe("abc\td");
    expect(header(r, "x-latin")).toBe("café");
    expect(headersNamed(r, "cache-control")).toEqual(["max-age=60"]);
    const names = r.headers.map(([n]) => n.toLowerCase());
    expect(names.indexOf("x-frame-options")).toBeLessThan(names.indexOf("x-num"));
    expect(names.indexOf("x-num")).toBeLessThan(names.indexOf("x-ctl"));
  });
  it("throws TypeError for CR/LF, NUL, characters above U+00FF and non-token names", async () => {
    const out = json(await k.run("/headers"));
    for (const key of ["cr", "nul", "wide", "badName", "nonString"]) expect(out[key], key).toMatch(/^TypeError: /);
  });
  it("refuses every blocked name with false and a warn entry", async () => {
    const r = await k.run("/headers");
    const out = json(r);
    expect(out.blocked).toEqual(new Array(18).fill(false));
    expect(header(r, "location")).toBeUndefined();
    expect(header(r, "server")).toBeUndefined();
    expect(headersNamed(r, "x-pagec-request-id")).toHaveLength(0);
    expect(headersNamed(r, "set-cookie")).toHaveLength(0);
    expect(logTexts(r, "warn").length).toBeGreaterThanOrEqual(19);
  });
  it("refuses a value over 8,192 bytes (false) and accepts exactly 8,192", async () => {
    const r = await k.run("/headers");
    expect(json(r)).toMatchObject({ tooLong: false, maxLong: true });
    expect(header(r, "x-long")).toBeUndefined();
    expect(header(r, "x-long8192")).toHaveLength(8192);
  });
  it("refuses a 51st header name but still replaces an existing one", async () => {
    const r = await k.run("/many-headers");
    const out = json(r);
    expect(out.results.slice(0, 50).every((x: boolean) => x)).toBe(true);
    expect(out.results[50]).toBe(false);
    expect(out.replace).toBe(true);
    expect(header(r, "x-h51")).toBeUndefined();
    expect(header(r, "x-h1")).toBe("again");
    expect(logTexts(r, "warn")).toHaveLength(1);
  });
});

describe("cookie.set / cookie.delete", () => {
  it("writes the attributes in the spec's order, in call order", async () => {
    const r = await k.run("/cookies");
    expect(headersNamed(r, "set-cookie")).toEqual([
      "theme=dark%20blue%3Bx; Path=/; SameSite=Lax",
      "prefs=12; Path=/account; Max-Age=3600; HttpOnly; SameSite=Strict",
      "cross=v; Path=/; SameSite=None; Secure",
      "zero=; Path=/; Max-Age=0; SameSite=Lax",
      "old=; Path=/x; Max-Age=0; SameSite=Lax",
      "old2=; Path=/; Max-Age=0; SameSite=Lax",
    ]);
  });
  it("defaults Secure on HTTPS requests", async () => {
    const r = await k.run("/cookies", { encrypted: true });
    const sc = headersNamed(r, "set-cookie");
    expect(sc[0]).toBe("theme=dark%20blue%3Bx; Path=/; SameSite=Lax; Secure");
    expect(sc[3]).toBe("zero=; Path=/; Max-Age=0; SameSite=Lax");
  });
  it("returns true normally and false with a warning for reserved names and oversized values", async () => {
    const r = await k.run("/cookies");
    const out = json(r);
    expect(out).toMatchObject({ plain: true, full: true, none: true, zero: true, del: true, delDefault: true, reservedDel: false, big: false });
    expect(out.reserved).toEqual([false, false, false, false, false, false]);
    expect(logTexts(r, "warn").length).toBeGreaterThanOrEqual(8);
  });
  it("throws TypeError for a non-token name, a bad maxAge and a bad path", async () => {
    const out = json(await k.run("/cookies"));
    for (const key of ["badName", "badMaxAge", "nanMaxAge", "badPath", "relPath"]) expect(out[key], key).toMatch(/^TypeError: /);
  });
  it("refuses the 51st cookie operation", async () => {
    const r = await k.run("/cookie-cap");
    const out = json(r);
    expect(out.results.filter((x: boolean) => x)).toHaveLength(50);
    expect(out.results[50]).toBe(false);
    expect(headersNamed(r, "set-cookie")).toHaveLength(50);
  });
});
