// setHeader and cookie.set/delete (SPEC §4.4.3): TypeErrors, policy refusals (false + warn), effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const attempt = (code: string) => `(() => { try { return ${code}; } catch (e) { __pc.rethrow(e); return e.name + ": " + e.message; } })()`;

describe("setHeader", () => {
  it.each([["Content-Type", "text/plain"], ["Cache-Control", "no-cache"], ["X-Frame-Options", "DENY"], ["Content-Security-Policy", "default-src 'self'"], ["Vary", "Accept"], ["X-Robots-Tag", "noindex"]])(
    "allows %s", async (name, value) => {
      const r = await sb.run({ units: [out(`setHeader(${JSON.stringify(name)}, ${JSON.stringify(value)})`)] });
      expect(r.effects).toEqual([{ t: "header", name, value }, { t: "var", key: "out", value: true }]);
    });
  it("converts the value with String() and strips control characters other than tab", async () => {
    const r = await sb.run({ units: [`setHeader("X-A", 42); setHeader("X-B", "a\\u0001b\\tc\\u007fd\\u00ffe");`] });
    expect(r.effects).toEqual([{ t: "header", name: "X-A", value: "42" }, { t: "header", name: "X-B", value: "ab\tcd\u00ffe" }]);
  });
  it.each(["set-cookie", "Set-Cookie2", "COOKIE", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "host", "Location", "date", "server", "proxy-authorization", "Access-Control-Allow-Origin", "x-pagec-request-id"])(
    "refuses blocked %s with false and a warning", async (name) => {
      const r = await sb.run({ units: [out(`setHeader(${JSON.stringify(name)}, "v")`)] });
      expect(r.effects).toEqual([{ t: "var", key: "out", value: false }]);
      expect(r.logs).toEqual([{ level: "warn", text: `setHeader: header "${name}" is blocked` }]);
    });
  it.each([["'bad name'"], ["''"], ["'a:b'"], ["1"], ["undefined"], ["'é'"]])("throws TypeError for name %s", async (name) => {
    const r = await sb.run({ units: [out(attempt(`setHeader(${name}, "v")`))] });
    expect(r.effects[0].value).toBe("TypeError: setHeader: invalid header name");
  });
  it.each([["'a\\r\\nb'"], ["'a\\nb'"], ["'a\\u0000b'"], ["'\\u0100'"], ["'😀'"]])("throws TypeError for value %s", async (value) => {
    const r = await sb.run({ units: [out(attempt(`setHeader("X-A", ${value})`))] });
    expect(r.effects[0].value).toBe("TypeError: setHeader: invalid header value");
  });
  it("refuses a value over 8192 bytes and a 51st header name; re-setting a name is not a new header", async () => {
    const r = await sb.run({
      units: [`setVariable("big", setHeader("X-Big", "a".repeat(8193))); setVariable("max", setHeader("X-Max", "a".repeat(8192)));
        for (let i = 1; i < 50; i++) setHeader("X-H" + i, "v");
        setVariable("again", setHeader("x-h1", "w")); setVariable("51st", setHeader("X-New", "v"));`],
    });
    const vars = Object.fromEntries(r.effects.filter((e) => e.t === "var").map((e) => [e.key, e.value]));
    expect(vars).toEqual({ big: false, max: true, again: true, "51st": false });
    expect(r.effects.filter((e) => e.t === "header").length).toBe(51);
    expect(r.logs.map((l) => l.text)).toEqual(['setHeader: value of "X-Big" exceeds 8192 bytes', 'setHeader: too many headers (limit 50), "X-New" not set']);
  });
});

describe("cookie.set", () => {
  it("writes the defaults on http and encodes the value", async () => {
    const r = await sb.run({ units: [out(`cookie.set("theme", "dark mode;=")`)] });
    expect(r.effects[0]).toEqual({ t: "cookie", op: "set", name: "theme", value: "dark%20mode%3B%3D", maxAge: null, path: "/", httpOnly: false, secure: false, sameSite: "Lax" });
    expect(r.effects[1].value).toBe(true);
  });
  it("defaults secure to true on https; sameSite None forces Secure; options are read", async () => {
    const r = await sb.run({
      request: { protocol: "https" },
      units: [`cookie.set("a", 1); cookie.set("b", true, { maxAge: 90.9, path: "/x", httpOnly: true, secure: false, sameSite: "Strict", domain: "evil.com" });`],
    });
    expect(r.effects[0]).toMatchObject({ name: "a", value: "1", secure: true });
    expect(r.effects[1]).toEqual({ t: "cookie", op: "set", name: "b", value: "true", maxAge: 90, path: "/x", httpOnly: true, secure: false, sameSite: "Strict" });
    const r2 = await sb.run({ units: [`cookie.set("c", "v", { sameSite: "None", secure: false });`] });
    expect(r2.effects[0]).toMatchObject({ secure: true, sameSite: "None" });
  });
  it.each([
    ['"bad name", "v"', "cookie.set: invalid cookie name"], ['1, "v"', "cookie.set: invalid cookie name"],
    ['"a", "v", { maxAge: -1 }', "cookie.set: maxAge must be a finite number >= 0"], ['"a", "v", { maxAge: Infinity }', "cookie.set: maxAge must be a finite number >= 0"],
    ['"a", "v", { maxAge: "5" }', "cookie.set: maxAge must be a finite number >= 0"], ['"a", "v", { path: "x" }', "cookie.set: invalid path"],
    ['"a", "v", { path: "/a b" }', "cookie.set: invalid path"], ['"a", "v", { path: "/a;b" }', "cookie.set: invalid path"], ['"a", "v", { path: "/a,b" }', "cookie.set: invalid path"],
    ['"a", "v", { sameSite: "lax" }', 'cookie.set: sameSite must be "Lax", "Strict" or "None"'], ['"a", "v", "opts"', "cookie.set: options must be an object"],
    ['"a", "\\ud800"', "cookie.set: value cannot be encoded"],
  ])("cookie.set(%s) throws TypeError", async (args, message) => {
    const r = await sb.run({ units: [out(attempt(`cookie.set(${args})`))] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: "TypeError: " + message }]);
  });
  it.each(["pagec_sid", "hop", "subid", "aff", "pagec_x", "__pagec"])("refuses reserved name %s", async (name) => {
    const r = await sb.run({ units: [out(`[cookie.set(${JSON.stringify(name)}, "v"), cookie.delete(${JSON.stringify(name)})]`)] });
    expect(r.effects).toEqual([{ t: "var", key: "out", value: [false, false] }]);
    expect(r.logs[0]).toEqual({ level: "warn", text: `cookie.set: cookie name "${name}" is reserved` });
  });
  it("refuses the configured session cookie name", async () => {
    const r = await sb.run({ site: { id: "s", session: { cookieName: "sid" } }, units: [out(`[cookie.set("sid", "v"), cookie.set("pagec_sid", "v")]`)] });
    expect(r.effects.at(-1).value).toEqual([false, false]);
  });
  it("refuses an encoded value over 4096 bytes and the 51st operation", async () => {
    const r = await sb.run({
      units: [`setVariable("big", cookie.set("big", "é".repeat(683))); setVariable("max", cookie.set("max", "a".repeat(4096)));
        for (let i = 1; i < 49; i++) cookie.set("c" + i, "v");
        setVariable("50th", cookie.delete("c1")); setVariable("51st", cookie.set("z", "v")); setVariable("51st-del", cookie.delete("z"));`],
    });
    const vars = Object.fromEntries(r.effects.filter((e) => e.t === "var").map((e) => [e.key, e.value]));
    expect(vars).toEqual({ big: false, max: true, "50th": true, "51st": false, "51st-del": false });
  });
});

describe("cookie.delete", () => {
  it("writes an expiring cookie with the given path", async () => {
    const r = await sb.run({ units: [`cookie.delete("a"); cookie.delete("b", { path: "/x" });`] });
    expect(r.effects).toEqual([
      { t: "cookie", op: "delete", name: "a", value: "", maxAge: 0, path: "/", httpOnly: false, secure: false, sameSite: "Lax" },
      { t: "cookie", op: "delete", name: "b", value: "", maxAge: 0, path: "/x", httpOnly: false, secure: false, sameSite: "Lax" },
    ]);
  });
  it("throws TypeError for a bad name or path", async () => {
    const r = await sb.run({ units: [out(`[${attempt('cookie.delete("a b")')}, ${attempt('cookie.delete("a", { path: "nope" })')}]`)] });
    expect(r.effects[0].value).toEqual(["TypeError: cookie.delete: invalid cookie name", "TypeError: cookie.delete: invalid path"]);
  });
});
