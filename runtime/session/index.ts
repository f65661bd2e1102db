// Session crypto for the runtime: derived keys, signed session cookies and hand-off tokens (SPEC §4.4.4, §6.7).
export { deriveKeys, sessionSecret, MIN_SECRET_CHARS, COOKIE_KEY_INFO, TOKEN_KEY_INFO } from "./keys.js";
export { newSessionId, isSessionId, signSessionCookie, verifySessionCookie } from "./cookie.js";
export { mintToken, openToken, clampTokenTtl, type TokenIdentity } from "./token.js";
export { TokenReplayCache } from "./replay-cache.js";
