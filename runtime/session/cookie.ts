// Session ids and the signed session cookie value `<id>.<mac>` (SPEC §6.7): the MAC is the base64url
// HMAC-SHA256 of the id under the derived cookie key, and it is compared in constant time.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const MAC_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 32 base64url characters from 24 random bytes. */
export function newSessionId(): string {
  return randomBytes(24).toString("base64url");
}

export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

function mac(id: string, key: Buffer): string {
  return createHmac("sha256", key).update(id, "utf8").digest("base64url");
}

export function signSessionCookie(id: string, key: Buffer): string {
  return `${id}.${mac(id, key)}`;
}

/** The session id when `value` is a well-formed cookie with a valid MAC under `key`, else null. */
export function verifySessionCookie(value: string, key: Buffer): string | null {
  if (typeof value !== "string" || value.length !== 76) return null;
  const id = value.slice(0, 32);
  const given = value.slice(33);
  if (value[32] !== "." || !ID_PATTERN.test(id) || !MAC_PATTERN.test(given)) return null;
  const expected = Buffer.from(mac(id, key), "utf8");
  const actual = Buffer.from(given, "utf8");
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
