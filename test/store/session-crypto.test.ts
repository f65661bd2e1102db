// Session cookie signing, key derivation, the session secret, and hand-off tokens (SPEC §4.4.4, §6.1, §6.7).
import { describe, expect, test } from "vitest";
import { createDecipheriv, createHmac, hkdfSync, createCipheriv, randomBytes } from "node:crypto";
import {
  TokenReplayCache,
  deriveKeys,
  mintToken,
  newSessionId,
  openToken,
  sessionSecret,
  signSessionCookie,
  verifySessionCookie,
} from "../../runtime/session/index.js";

const SECRET = "s".repeat(32);
const { cookieKey, tokenKey } = deriveKeys(SECRET, "fittrack");

describe("keys and secret", () => {
  test("keys are HKDF-SHA256 with the site id as salt and the spec's info strings", () => {
    expect(cookieKey).toEqual(Buffer.from(hkdfSync("sha256", SECRET, "fittrack", "pagec session cookie v1", 32)));
    expect(tokenKey).toEqual(Buffer.from(hkdfSync("sha256", SECRET, "fittrack", "pagec session token v1", 32)));
    expect(deriveKeys(SECRET, "other").cookieKey.equals(cookieKey)).toBe(false);
  });

  test("a secret of at least 32 characters is used; otherwise a per-process random one, with a warning", () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(sessionSecret({ S: SECRET }, "S", warn)).toEqual({ secret: SECRET, fromEnv: true });
    expect(warnings).toEqual([]);
    const short = sessionSecret({ S: "short" }, "S", warn);
    const missing = sessionSecret({}, "S", warn);
    expect(short.fromEnv).toBe(false);
    expect(short.secret.length).toBeGreaterThanOrEqual(32);
    expect(missing.secret).toBe(short.secret);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain("S");
  });
});

describe("session cookie", () => {
  test("ids are 32 base64url characters and unique", () => {
    const ids = new Set(Array.from({ length: 100 }, newSessionId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  test("the value is <id>.<base64url HMAC-SHA256 of id>", () => {
    const id = newSessionId();
    const value = signSessionCookie(id, cookieKey);
    const mac = createHmac("sha256", cookieKey).update(id).digest("base64url");
    expect(value).toBe(`${id}.${mac}`);
    expect(mac).toHaveLength(43);
    expect(verifySessionCookie(value, cookieKey)).toBe(id);
  });

  test.each([
    ["tampered MAC", (v: string) => v.slice(0, -1) + (v.endsWith("A") ? "B" : "A")],
    ["tampered id", (v: string) => (v.startsWith("A") ? "B" : "A") + v.slice(1)],
    ["missing MAC", (v: string) => v.slice(0, 32)],
    ["extra characters", (v: string) => v + "A"],
    ["wrong separator", (v: string) => v.slice(0, 32) + "!" + v.slice(33)],
    ["empty", () => ""],
  ])("rejects: %s", (_name, mutate) => {
    const value = signSessionCookie(newSessionId(), cookieKey);
    expect(verifySessionCookie(mutate(value), cookieKey)).toBeNull();
  });

  test("rejects a cookie signed with another key", () => {
    const value = signSessionCookie(newSessionId(), deriveKeys(SECRET, "other-site").cookieKey);
    expect(verifySessionCookie(value, cookieKey)).toBeNull();
    expect(verifySessionCookie(undefined as unknown as string, cookieKey)).toBeNull();
  });
});

describe("hand-off tokens", () => {
  const identity = { email: "ann@example.com", customer_id: "42", customer: { email: "ann@example.com", name: "Ann" } };
  const NOW = 1_700_000_000_000;

  function decrypt(token: string, key = tokenKey): Record<string, unknown> {
    const raw = Buffer.from(token.slice(3), "base64url");
    const d = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(raw.length - 16));
    return JSON.parse(Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString());
  }

  test("format: v1. + base64url(iv ‖ ciphertext ‖ tag) of the documented plaintext", () => {
    const token = mintToken(identity, "fittrack", tokenKey, 60, NOW);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const payload = decrypt(token);
    expect(Object.keys(payload)).toEqual(["v", "site", "jti", "iat", "exp", "identity"]);
    expect(payload).toMatchObject({ v: 1, site: "fittrack", iat: NOW / 1000, exp: NOW / 1000 + 60, identity });
    expect(payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test.each([[60, 60], [0, 60], [-1, 60], [Number.NaN, 60], [600, 600], [601, 600], [1e9, 600]])("ttl %s → %s s", (ttl, expected) => {
    const payload = decrypt(mintToken(identity, "fittrack", tokenKey, ttl, NOW));
    expect((payload.exp as number) - (payload.iat as number)).toBe(expected);
  });

  test("opens once; the second use is a replay", () => {
    const cache = new TokenReplayCache();
    const token = mintToken(identity, "fittrack", tokenKey, 60, NOW);
    const opened = openToken(token, "fittrack", tokenKey, cache, NOW + 1000);
    expect(opened).not.toBeNull();
    expect(JSON.parse(JSON.stringify(opened!.identity))).toEqual(identity);
    expect(Object.getPrototypeOf(opened!.identity.customer)).toBeNull();
    expect(openToken(token, "fittrack", tokenKey, cache, NOW + 2000)).toBeNull();
  });

  test("expired, wrong site, wrong key and tampered tokens are refused", () => {
    const cache = new TokenReplayCache();
    const token = mintToken(identity, "fittrack", tokenKey, 60, NOW);
    expect(openToken(token, "fittrack", tokenKey, cache, NOW + 60_000)).toBeNull();
    expect(openToken(token, "other", tokenKey, cache, NOW)).toBeNull();
    // Same secret, other site: the key differs too, and even under the right key the site check holds.
    const other = deriveKeys(SECRET, "other").tokenKey;
    expect(openToken(mintToken(identity, "fittrack", other, 60, NOW), "fittrack", tokenKey, cache, NOW)).toBeNull();
    expect(openToken(mintToken(identity, "other", tokenKey, 60, NOW), "fittrack", tokenKey, cache, NOW)).toBeNull();
    const raw = Buffer.from(token.slice(3), "base64url");
    for (const index of [0, 12, raw.length - 1]) {
      const copy = Buffer.from(raw);
      copy[index] = copy[index]! ^ 1;
      expect(openToken("v1." + copy.toString("base64url"), "fittrack", tokenKey, cache, NOW)).toBeNull();
    }
    for (const bad of ["", "v1.", "v2." + token.slice(3), "v1.!!!!", "v1.AAAA", token + "=", null, 42, {}]) {
      expect(openToken(bad as string, "fittrack", tokenKey, cache, NOW)).toBeNull();
    }
    // None of the failures consumed the token.
    expect(openToken(token, "fittrack", tokenKey, cache, NOW)).not.toBeNull();
  });

  test("a validly encrypted payload with a bad shape is refused without throwing", () => {
    const seal = (text: string) => {
      const iv = randomBytes(12);
      const c = createCipheriv("aes-256-gcm", tokenKey, iv);
      const body = Buffer.concat([c.update(text), c.final()]);
      return "v1." + Buffer.concat([iv, body, c.getAuthTag()]).toString("base64url");
    };
    const cache = new TokenReplayCache();
    const good = { v: 1, site: "fittrack", jti: "6f1c2a4e-9a0b-4c1d-8e2f-3a4b5c6d7e8f", iat: 1, exp: NOW / 1000 + 60, identity };
    for (const text of ["not json", "null", "[]", JSON.stringify({ ...good, v: 2 }), JSON.stringify({ ...good, jti: "x" }),
      JSON.stringify({ ...good, exp: "9999999999" }), JSON.stringify({ ...good, identity: null })]) {
      expect(openToken(seal(text), "fittrack", tokenKey, cache, NOW)).toBeNull();
    }
    expect(openToken(seal(JSON.stringify(good)), "fittrack", tokenKey, cache, NOW)).not.toBeNull();
  });
});

describe("replay cache", () => {
  test("keeps an id until its token expires", () => {
    const cache = new TokenReplayCache();
    cache.add("a", 1000);
    expect(cache.has("a", 999)).toBe(true);
    expect(cache.has("a", 1000)).toBe(false);
    expect(cache.has("b", 0)).toBe(false);
  });

  test("evicts the oldest id beyond its capacity", () => {
    const cache = new TokenReplayCache(3);
    for (const id of ["a", "b", "c", "d"]) cache.add(id, 10_000);
    expect(cache.size).toBe(3);
    expect(cache.has("a", 0)).toBe(false);
    expect(["b", "c", "d"].every((id) => cache.has(id, 0))).toBe(true);
  });
});
