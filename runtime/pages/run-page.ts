// One page request from start to finish (SPEC §4.1 order, §6.2–§6.4, §6.7): hand-off, routing, session load,
// script phase in the isolate pool (effects kept and re-validated as they arrive), host render, session
// commit, response headers. Used by the HTTP server and by tests as `runtime.runPage`.
import type { RawRequest } from "../http/page-request.js";
import { buildPageRequest } from "../http/page-request.js";
import { parseParams } from "../http/query.js";
import { serializeCookie, parseCookieHeader } from "../http/cookies.js";
import { EffectLedger, type Identity } from "./effect-ledger.js";
import { hostOps } from "./host-ops.js";
import { mapStack } from "./error-positions.js";
import { newRequestId } from "./request-id.js";
import { errorBody, buildErrorBody } from "./error-page.js";
import type { SiteRuntime } from "./site-runtime.js";
import type { LoadedRoute } from "../load-bundles.js";
import { renderWithModule, RenderLimitError, type LogEntry } from "../render/host-render.js";
import { buildRenderInput, mergeVariables } from "../render/render-input.js";
import { templateCrmRead } from "../render/template-crm.js";
import { verifySessionCookie, signSessionCookie, openToken } from "../session/index.js";
import type { CrmOp, SessionChanges, SessionState } from "../store/index.js";

export interface PageResponse {
  status: number;
  /** Response headers in order, Set-Cookie included. */
  headers: [string, string][];
  /** The Set-Cookie values in order: the script's cookie operations, then the session cookie. */
  cookies: string[];
  body: string;
  logs: LogEntry[];
  page: string | null;
  requestId: string;
}

const HTML = "text/html; charset=utf-8";
const VIEW_KEYS = ["email", "name", "first_name", "last_name", "id"];

function customerView(identity: Identity | null): Record<string, unknown> | null {
  if (!identity?.customer || !identity.email) return null;
  const v: Record<string, unknown> = {};
  for (const k of VIEW_KEYS) if (Object.hasOwn(identity.customer, k)) v[k] = identity.customer[k];
  if (typeof v.email !== "string") v.email = identity.email;
  return Object.freeze(v);
}

function plain(status: number, requestId: string, extra: [string, string][] = []): PageResponse {
  return { status, headers: [["Content-Type", HTML], ["Cache-Control", "no-store"], ...extra], cookies: [], body: errorBody(status), logs: [], page: null, requestId };
}

function sessionCookieHeader(rt: SiteRuntime, id: string, expiresAt: number, secure: boolean): string {
  const s = rt.loaded.site.session;
  return serializeCookie({ name: s.cookieName, value: signSessionCookie(id, rt.keys.cookieKey), path: "/", maxAge: Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)), httpOnly: true, secure, sameSite: "Lax" });
}

export async function runPage(rt: SiteRuntime, raw: RawRequest, opts: { requestId?: string } = {}): Promise<PageResponse> {
  const requestId = opts.requestId ?? newRequestId();
  const site = rt.loaded.site;
  if (raw.method !== "GET" && raw.method !== "HEAD" && raw.method !== "POST") return plain(405, requestId, [["Allow", "GET, HEAD, POST"]]);
  const q = raw.url.indexOf("?");
  const path = q < 0 ? raw.url : raw.url.slice(0, q);
  const rawQuery = q < 0 ? "" : raw.url.slice(q + 1);
  const secure = raw.encrypted || (site.trustProxy && String(raw.headers["x-forwarded-proto"] ?? "").split(",")[0].trim() === "https");

  // Session (SPEC §6.7): a wrong MAC or an unknown/expired record counts as no session.
  const cookieValue = parseCookieHeader(String(raw.headers.cookie ?? ""))[site.session.cookieName];
  const sessionId = cookieValue ? verifySessionCookie(cookieValue, rt.keys.cookieKey) : null;
  const loaded = sessionId ? await rt.store.loadSession(site.id, sessionId) : null;
  const state: SessionState = loaded?.state ?? { data: Object.create(null), items: Object.create(null), customer: null, customer_id: null, email: null };

  // Automatic hand-off (SPEC §4.4.4): consumed before routing.
  if (raw.method !== "POST") {
    const query = parseParams(rawQuery);
    const param = "ef_session" in query ? "ef_session" : "setSessionToken" in query ? "setSessionToken" : null;
    const token = param ? query[param] : null;
    if (param && typeof token === "string" && rt.keys.tokensEnabled) {
      const opened = openToken(token, site.id, rt.keys.tokenKey, rt.replay);
      if (opened) {
        const id = opened.identity;
        const committed = await rt.store.commitSession(site.id, loaded ? sessionId : null, { set: [], del: [], itemSet: [], itemDel: [], identity: { customer: id.customer, customer_id: id.customer_id, email: id.email }, rotate: true }, site.session.ttlSeconds);
        const rest = rawQuery.split("&").filter((p) => p && decodeURIComponent(p.split("=")[0].replace(/\+/g, " ")) !== param).join("&");
        const headers: [string, string][] = [["Location", path + (rest ? `?${rest}` : "")], ["Cache-Control", "no-store"]];
        if (committed && "id" in committed) headers.push(["Set-Cookie", sessionCookieHeader(rt, committed.id, committed.expiresAt, secure)]);
        return { status: 303, headers, cookies: cookiesOf(headers), body: "", logs: [], page: null, requestId };
      }
    }
  }

  let match = rt.loaded.router.match(path);
  let notFound = false;
  if (!match) {
    const custom = rt.loaded.manifest.notFound ? rt.loaded.router.get(rt.loaded.manifest.notFound) : undefined;
    if (!custom) return plain(404, requestId);
    match = { route: custom, params: null, routeSlug: null };
    notFound = true;
  }
  const route: LoadedRoute = match.route;
  const slug = route.entry.slug;
  const buildError = rt.loaded.buildErrors.get(slug);
  if (buildError) return { ...plain(500, requestId), body: buildErrorBody(buildError), page: slug };

  const request = buildPageRequest(raw, { trustProxy: site.trustProxy, sessionCookie: site.session.cookieName, params: match.params, routeSlug: match.routeSlug });
  const logs: LogEntry[] = [];
  const ledger = new EffectLedger({ sessionCookie: site.session.cookieName, secure, logs });
  const deferred: CrmOp[] = [];

  if (route.script && rt.pool) {
    const input = JSON.stringify({
      page: slug, requestId, request,
      session: { exists: !!loaded, data: state.data, items: state.items, customer: state.customer, customer_id: state.customer_id, email: state.email },
    });
    const outcome = await rt.pool.runScript(slug, input, {
      effect: (e) => ledger.apply(e),
      log: (entry) => { if (logs.length < (site.limits.maxLogEntries ?? 200) + 1) logs.push({ level: entry.level === "warn" || entry.level === "error" ? entry.level : "info", text: entry.text }); },
      call: hostOps(rt, deferred),
    });
    for (const err of ledger.errors) {
      const frames = mapStack(route, err.stack);
      logs.push({ level: "error", text: `${err.name}: ${err.message}`, ...(frames[0] ?? {}), stack: frames.map((f) => `${f.file}:${f.line}:${f.column}`) });
    }
    if (outcome.kind === "cpu" || outcome.kind === "wall" || outcome.kind === "memory" || outcome.kind === "crashed") logs.push({ level: "error", text: outcome.message });
    for (const op of deferred) {
      try { await rt.store.crm(site.id, op); } catch { logs.push({ level: "error", text: "pagec: storage unavailable (async CRM write)" }); }
    }
  }

  const identity: Identity | null = ledger.identity ?? (state.email ? { customer: state.customer, customer_id: state.customer_id, email: state.email } : null);
  const items: Record<string, string | number> = Object.assign(Object.create(null), state.items);
  for (const op of ledger.itemOps) { if (op.op === "set") items[op.key] = op.value!; else delete items[op.key]; }

  let status: number;
  let body: string;
  const headers: [string, string][] = [];
  let renderItems: { op: "set" | "delete"; key: string; value?: string | number }[] = [];
  const respond = ledger.respond;
  if (respond) {
    if (respond.kind === "redirect") { status = respond.status; body = ""; headers.push(["Location", respond.location]); }
    else {
      status = respond.status ?? ledger.status ?? 200;
      body = respond.body;
      if (respond.kind === "json") headers.push(["Content-Type", "application/json; charset=utf-8"]);
      else if (!ledger.headers.has("content-type")) headers.push(["Content-Type", HTML]);
    }
  } else {
    const customer = customerView(identity);
    try {
      const out = renderWithModule(route.render, {
        input: buildRenderInput({ request, rawQuery, variables: mergeVariables(rt.loaded.variables, ledger.variables), customer, siteName: site.name }),
        items,
        customer,
        crmRead: (fn, options) => templateCrmRead(fn, options, {
          siteId: site.id,
          entities: rt.crmEntities,
          customerId: identity?.customer_id ?? null,
          email: identity?.email ?? null,
          read: (s, op) => { if (!rt.store.crmReadSync) throw new Error("pagec: storage unavailable"); return rt.store.crmReadSync(s, op); },
        }),
        dump: (v) => (rt.loaded.renderLib as { dump(v: unknown): unknown }).dump(v),
        renderWallMs: site.limits.renderWallMs ?? 5000,
        maxOutputBytes: site.limits.maxOutputBytes ?? 10485760,
        logs,
      });
      status = ledger.status ?? (notFound ? 404 : 200);
      body = out.html;
      renderItems = out.items;
      if (!ledger.headers.has("content-type")) headers.push(["Content-Type", HTML]);
    } catch (e) {
      logs.push({ level: "error", text: e instanceof RenderLimitError ? `RenderLimitError: ${e.message}` : `RenderError: ${(e as Error).message}` });
      return { ...plain(500, requestId), logs, page: slug };
    }
  }

  // Session save (SPEC §6.7): after the render (or the terminal call), before the response is sent.
  const changes: SessionChanges = { set: [...ledger.sessionSet], del: [...ledger.sessionDel], itemSet: [], itemDel: [], identity: ledger.identity ?? undefined, rotate: ledger.rotate };
  const netItems = new Map<string, string | number | null>();
  for (const op of [...ledger.itemOps, ...renderItems]) netItems.set(op.key, op.op === "set" ? op.value! : null);
  for (const [k, v] of netItems) { if (v === null) changes.itemDel.push(k); else changes.itemSet.push([k, v]); }
  let sessionCookie: string | null = null;
  if (changes.set.length || changes.del.length || changes.itemSet.length || changes.itemDel.length || changes.identity || changes.rotate) {
    const committed = await rt.store.commitSession(site.id, loaded ? sessionId : null, changes, site.session.ttlSeconds);
    if (committed && "refused" in committed) logs.push({ level: "warn", text: "session change refused: the session record would exceed 262144 bytes" });
    else if (committed && committed.cookieNeeded) sessionCookie = sessionCookieHeader(rt, committed.id, committed.expiresAt, secure);
  }

  for (const h of ledger.headers.values()) headers.push([h.name, h.value]);
  if (!ledger.headers.has("cache-control")) headers.push(["Cache-Control", "no-store"]);
  for (const c of ledger.cookies) headers.push(["Set-Cookie", serializeCookie(c)]);
  if (sessionCookie) headers.push(["Set-Cookie", sessionCookie]);
  return { status, headers, cookies: cookiesOf(headers), body, logs, page: slug, requestId };
}

function cookiesOf(headers: [string, string][]): string[] {
  return headers.filter(([k]) => k.toLowerCase() === "set-cookie").map(([, v]) => v);
}
