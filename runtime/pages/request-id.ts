// X-Pagec-Request-Id: a random 16-character base64url id (SPEC §6.4), also used in the logs.
import { randomBytes } from "node:crypto";
export const newRequestId = (): string => randomBytes(12).toString("base64url");
