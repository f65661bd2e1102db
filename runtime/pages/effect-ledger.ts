// The runtime's own record of a request's script effects (SPEC §8.5): each effect is re-validated and kept
// the moment it arrives, so an isolate that dies loses nothing already reported. Every map built from
// untrusted keys is a Map or a null-prototype object.
import { cleanHeaderValue, cookieNameReserved, cookiePathAllowed, headerAllowed, isToken, redirectAllowed, REDIRECT_STATUSES, sessionKeyAllowed, statusAllowed, variableKeyAllowed } from "./effect-rules.js";
import { sanitizeItemKey, itemValue } from "../render/session-items.js";
import type { CookieWrite } from "../http/cookies.js";
import type { LogEntry } from "../render/host-render.js";

export interface Identity { customer: Record<string, unknown> | null; customer_id: string | null; email: string | null }
export type Respond = { kind: "json" | "send"; status: number | null; body: string } | { kind: "redirect"; status: number; location: string };

const MAX_VARIABLE_BYTES = 1024 * 1024;
const MAX_SESSION_VALUE_BYTES = 65536;

export class EffectLedger {
  readonly variables = new Map<string, unknown>();
  status: number | null = null;
  readonly headers = new Map<string, { name: string; value: string }>();
  readonly cookies: CookieWrite[] = [];
  readonly sessionSet = new Map<string, unknown>();
  readonly sessionDel = new Set<string>();
  readonly itemOps: { op: "set" | "delete"; key: string; value?: string | number }[] = [];
  identity: Identity | null = null;
  rotate = false;
  respond: Respond | null = null;
  readonly errors: { name: string; message: string; stack: string }[] = [];

  constructor(private readonly opts: { sessionCookie: string; secure: boolean; logs: LogEntry[] }) {}

  private drop(what: string) { this.opts.logs.push({ level: "warn", text: `pagec: dropped an invalid ${what} effect` }); }

  apply(e: Record<string, unknown>): void {
    if (this.respond) return; // the first terminal call decides the response; nothing after it counts
    switch (e.t) {
      case "var": {
        if (!variableKeyAllowed(e.key)) return this.drop("var");
        const json = JSON.stringify(e.value ?? null);
        if (Buffer.byteLength(json) > MAX_VARIABLE_BYTES) return this.drop("var");
        this.variables.set(e.key, e.value ?? null);
        return;
      }
      case "status": if (statusAllowed(e.code)) this.status = e.code; else this.drop("status"); return;
      case "header": {
        const value = cleanHeaderValue(e.value);
        if (!isToken(e.name) || !headerAllowed(e.name) || value === null) return this.drop("header");
        const key = e.name.toLowerCase();
        if (!this.headers.has(key) && this.headers.size >= 50) return this.drop("header");
        this.headers.set(key, { name: this.headers.get(key)?.name ?? e.name, value });
        return;
      }
      case "cookie": return this.cookie(e);
      case "session": {
        if (!sessionKeyAllowed(e.key)) return this.drop("session");
        if (e.op === "delete" || e.value === null || e.value === undefined) { this.sessionSet.delete(e.key); this.sessionDel.add(e.key); return; }
        if (Buffer.byteLength(JSON.stringify(e.value)) > MAX_SESSION_VALUE_BYTES) return this.drop("session");
        this.sessionDel.delete(e.key);
        this.sessionSet.set(e.key, e.value);
        return;
      }
      case "item": {
        const key = sanitizeItemKey(e.key);
        if (!key) return this.drop("item");
        if (e.op === "delete") { this.itemOps.push({ op: "delete", key }); return; }
        const v = itemValue(e.value);
        if (v === null || v === undefined) return this.drop("item");
        this.itemOps.push({ op: "set", key, value: v });
        return;
      }
      case "identity": return this.identityEffect(e);
      case "respond": return this.respondEffect(e);
      case "error":
        this.errors.push({ name: String(e.name ?? "Error"), message: String(e.message ?? ""), stack: String(e.stack ?? "") });
        return;
      default: this.drop(String(e.t));
    }
  }

  private cookie(e: Record<string, unknown>) {
    if (!isToken(e.name) || cookieNameReserved(e.name, this.opts.sessionCookie) || this.cookies.length >= 50) return this.drop("cookie");
    const path = e.path === undefined || e.path === null ? "/" : e.path;
    if (!cookiePathAllowed(path)) return this.drop("cookie");
    if (e.op === "delete") { this.cookies.push({ name: e.name, value: "", path, maxAge: 0, sameSite: "Lax" }); return; }
    const value = typeof e.value === "string" ? e.value : "";
    if (/[^A-Za-z0-9!#$&'()*+\-./:<=>?@\[\]^_`{|}~%]/.test(value) || Buffer.byteLength(value) > 4096) return this.drop("cookie");
    const sameSite = e.sameSite === "Strict" || e.sameSite === "None" ? e.sameSite : "Lax";
    const maxAge = typeof e.maxAge === "number" && Number.isFinite(e.maxAge) && e.maxAge >= 0 ? Math.floor(e.maxAge) : undefined;
    this.cookies.push({ name: e.name, value, path, maxAge, httpOnly: e.httpOnly === true, secure: typeof e.secure === "boolean" ? e.secure : this.opts.secure, sameSite });
  }

  private identityEffect(e: Record<string, unknown>) {
    if (e.op === "clear") { this.identity = { customer: null, customer_id: null, email: null }; this.rotate = true; return; }
    const customer = e.customer && typeof e.customer === "object" ? (e.customer as Record<string, unknown>) : null;
    const email = typeof e.email === "string" ? e.email : typeof customer?.email === "string" ? (customer.email as string) : null;
    if (!customer || !email || !email.includes("@") || email.length > 254) return this.drop("identity");
    const id = e.customer_id;
    this.identity = { customer: { ...customer }, customer_id: typeof id === "string" || typeof id === "number" ? String(id) : null, email };
    this.rotate = true;
  }

  private respondEffect(e: Record<string, unknown>) {
    if (e.kind === "redirect") {
      const status = e.status === undefined || e.status === null ? 302 : e.status;
      if (!redirectAllowed(e.location) || typeof status !== "number" || !REDIRECT_STATUSES.has(status)) return this.drop("redirect");
      this.respond = { kind: "redirect", status, location: e.location };
      return;
    }
    if (e.kind !== "json" && e.kind !== "send") return this.drop("respond");
    const status = statusAllowed(e.status) ? e.status : null;
    this.respond = { kind: e.kind, status, body: typeof e.body === "string" ? e.body : e.kind === "json" ? "null" : "" };
  }
}
