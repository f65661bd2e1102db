// The session secret and the two keys derived from it (SPEC §4.4.4, §6.1, §6.7): HKDF-SHA256 with
// the site id as salt, so one secret shared by several sites never lets one site forge another's cookies.
import { hkdfSync, randomBytes } from "node:crypto";

export const MIN_SECRET_CHARS = 32;
export const COOKIE_KEY_INFO = "pagec session cookie v1";
export const TOKEN_KEY_INFO = "pagec session token v1";

// One random secret per process, fixed at load: without a configured secret, sessions last only as
// long as the process, but every server the process creates agrees on the key (hot swaps keep sessions).
const PROCESS_SECRET: string = randomBytes(32).toString("base64url");

export function deriveKeys(secret: string, siteId: string): { cookieKey: Buffer; tokenKey: Buffer } {
  const derive = (info: string): Buffer => Buffer.from(hkdfSync("sha256", secret, siteId, info, 32));
  return { cookieKey: derive(COOKIE_KEY_INFO), tokenKey: derive(TOKEN_KEY_INFO) };
}

/**
 * Reads the session secret from `env[secretEnv]`. A missing or short (< 32 characters) secret is
 * replaced by the per-process random one, with a warning; `fromEnv: false` then also tells the
 * runtime that `session.getToken` must resolve to null (SPEC §6.1).
 */
export function sessionSecret(
  env: NodeJS.ProcessEnv,
  secretEnv: string,
  warn: (message: string) => void = (message) => process.emitWarning(message),
): { secret: string; fromEnv: boolean } {
  const value = env[secretEnv];
  if (typeof value === "string" && value.length >= MIN_SECRET_CHARS) return { secret: value, fromEnv: true };
  const why = value === undefined || value === "" ? "is not set" : `is shorter than ${MIN_SECRET_CHARS} characters`;
  warn(
    `pagec: the session secret ${secretEnv} ${why}; session cookies are signed with a random per-process key ` +
      "(sessions do not survive a restart) and session.getToken() returns null",
  );
  return { secret: PROCESS_SECRET, fromEnv: false };
}
