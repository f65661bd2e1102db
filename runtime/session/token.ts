// Hand-off tokens (SPEC §4.4.4): "v1." + base64url(iv ‖ AES-256-GCM ciphertext ‖ tag) of
// {"v":1,"site","jti","iat","exp","identity"}. Opening never throws; every failure is null.
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from "node:crypto";
import type { TokenReplayCache } from "./replay-cache.js";

export interface TokenIdentity {
  email: string | null;
  customer_id: string | null;
  customer: Record<string, unknown> | null;
}

const PREFIX = "v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const DEFAULT_TTL = 60;
const MAX_TTL = 600;
/** Far above any real token; bounds the work an attacker-supplied query value can cause. */
const MAX_TOKEN_CHARS = 65_536;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Not a finite number or ≤ 0 → 60; above 600 → 600 (SPEC §4.4.4, §9). */
export function clampTokenTtl(ttlSeconds: unknown): number {
  if (typeof ttlSeconds !== "number" || !Number.isFinite(ttlSeconds) || ttlSeconds <= 0) return DEFAULT_TTL;
  return Math.min(MAX_TTL, ttlSeconds);
}

export function mintToken(identity: TokenIdentity, siteId: string, key: Buffer, ttlSeconds: number, now: number = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const exp = Math.max(iat + 1, Math.floor(now / 1000 + clampTokenTtl(ttlSeconds)));
  const payload = {
    v: 1,
    site: siteId,
    jti: randomUUID(),
    iat,
    exp,
    identity: { email: identity.email, customer_id: identity.customer_id, customer: identity.customer },
  };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

function decrypt(token: string, key: Buffer): unknown {
  if (typeof token !== "string" || token.length > MAX_TOKEN_CHARS || !token.startsWith(PREFIX)) return undefined;
  const text = token.slice(PREFIX.length);
  if (!BASE64URL.test(text)) return undefined;
  const raw = Buffer.from(text, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString("utf8"));
}

function readIdentity(value: unknown): TokenIdentity | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const email = typeof v.email === "string" ? v.email : null;
  const customer_id = typeof v.customer_id === "string" ? v.customer_id : typeof v.customer_id === "number" ? String(v.customer_id) : null;
  let customer: Record<string, unknown> | null = null;
  if (v.customer !== null && typeof v.customer === "object" && !Array.isArray(v.customer)) {
    customer = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v.customer)) customer[k] = (v.customer as Record<string, unknown>)[k];
  }
  return { email, customer_id, customer };
}

/**
 * Decrypts and checks a token: same site, `exp` not passed, `jti` not used before. A token that
 * passes is recorded in `replay`, so it opens only once. Resolves every failure to null.
 */
export function openToken(
  token: string,
  siteId: string,
  key: Buffer,
  replay: TokenReplayCache,
  now: number = Date.now(),
): { identity: TokenIdentity } | null {
  try {
    const payload = decrypt(token, key);
    if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return null;
    const p = payload as Record<string, unknown>;
    if (p.v !== 1 || p.site !== siteId) return null;
    if (typeof p.jti !== "string" || !UUID_V4.test(p.jti)) return null;
    if (typeof p.exp !== "number" || !Number.isFinite(p.exp) || p.exp * 1000 <= now) return null;
    const identity = readIdentity(p.identity);
    if (identity === null || replay.has(p.jti, now)) return null;
    replay.add(p.jti, p.exp * 1000);
    return { identity };
  } catch {
    return null;
  }
}
