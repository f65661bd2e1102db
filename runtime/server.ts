// The HTTP server (SPEC §6): Fastify with our own raw-body handling (so bodies are parsed poison-safely and
// an oversized body becomes `request.body === null`), runtime endpoints, structured logs, atomic swaps.
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Store } from "./store/index.js";
import { openSqliteStore } from "./store/index.js";
import { parseBody } from "./http/query.js";
import { runPage, type PageResponse } from "./pages/run-page.js";
import { errorBody } from "./pages/error-page.js";
import { newRequestId } from "./pages/request-id.js";
import type { SiteRuntime } from "./pages/site-runtime.js";
import type { LoadedSite } from "./load-bundles.js";
import { createSiteRuntime } from "./site-runtime-factory.js";
import { QueueFullError, QueueTimeoutError } from "./sandbox/index.js";
import { DebugRing, entryText } from "./server/debug-log.js";
import { watchForChanges } from "../compiler/site/watch-site.js";

export interface ServerOptions { dist?: string; site?: string; db?: string; port?: number; host?: string; debug?: boolean; watch?: boolean; isolates?: number; logger?: boolean | object }
export interface PagecServer { fastify: FastifyInstance; listen(): Promise<string>; swap(distDir: string): Promise<void>; close(): Promise<void>; runtime(): SiteRuntime }

const HTML = "text/html; charset=utf-8";
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

export function assertNodeFlags() {
  if (!process.execArgv.includes("--no-node-snapshot") && !(process.env.NODE_OPTIONS ?? "").includes("--no-node-snapshot")) throw new Error("pagec: Node must run with --no-node-snapshot");
}

export async function startServer(loaded: LoadedSite, options: ServerOptions, reload?: () => Promise<LoadedSite>): Promise<PagecServer> {
  assertNodeFlags();
  const db = options.db ?? "./pagec.sqlite";
  if (/^postgres(ql)?:\/\//.test(db)) throw Object.assign(new Error("PostgreSQL support is not available in this version of pagec"), { exitCode: 2 });
  const store: Store = openSqliteStore(db);
  const limits = loaded.site.limits;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.maxRequestBytes ?? 1048576,
    routerOptions: { maxParamLength: 4096 },
    genReqId: () => newRequestId(),
    // We write our own "request completed" line (SPEC §6.11) with the page and the script's log.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  const warn = (msg: string) => app.log.warn(msg);
  let current = await createSiteRuntime(loaded, store, { isolates: options.isolates, warn, onEvent: (e) => app.log.info({ sandbox: e }, "sandbox event") });
  const debug = options.debug || options.watch ? new DebugRing() : null;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = err.code === "FST_ERR_CTP_BODY_TOO_LARGE" ? 413 : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, "internal error");
    void reply.code(status).header("content-type", HTML).header("cache-control", "no-store").send(errorBody(status));
  });

  app.get("/__pagec/health", async (_req, reply) => reply.header("cache-control", "no-store").send({ ok: true, buildId: current.loaded.manifest.buildId, formatVersion: current.loaded.manifest.formatVersion }));
  app.get("/__pagec/logs", async (_req, reply) => (debug ? reply.send(debug.list()) : reply.code(404).header("content-type", HTML).send(errorBody(404))));
  app.get("/__pagec/logs/:id", async (req, reply) => {
    const rec = debug?.get((req.params as { id: string }).id);
    return rec ? reply.send(rec) : reply.code(404).header("content-type", HTML).send(errorBody(404));
  });
  app.route({ method: [...METHODS], url: "/__pagec/*", handler: async (_req, reply) => reply.code(404).header("content-type", HTML).header("cache-control", "no-store").send(errorBody(404)) });

  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const started = performance.now();
    const rt = current;
    const isHead = req.method === "HEAD";
    let body: unknown = null;
    let dropped = false;
    if (req.method === "POST") {
      const parsed = parseBody(Buffer.isBuffer(req.body) ? req.body : null, req.headers["content-type"], rt.loaded.site.limits.maxBodyBytes ?? 65536);
      body = parsed.body;
      dropped = parsed.dropped;
      if (dropped) req.log.info({ page: null }, "body dropped");
    }
    let res: PageResponse;
    try {
      res = await runPage(rt, {
        method: isHead ? "GET" : req.method,
        url: req.url,
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress ?? "",
        encrypted: !!(req.socket as { encrypted?: boolean }).encrypted,
        body,
      }, { requestId: String(req.id) });
    } catch (e) {
      const busy = e instanceof QueueFullError || e instanceof QueueTimeoutError;
      req.log.error({ err: e }, busy ? "queue full" : "internal error");
      const status = busy ? 503 : 500;
      reply.code(status).header("content-type", HTML).header("cache-control", "no-store");
      if (busy) reply.header("retry-after", "1");
      return reply.send(errorBody(status));
    }
    reply.code(res.status);
    const cookies: string[] = [];
    for (const [k, v] of res.headers) { if (k.toLowerCase() === "set-cookie") cookies.push(v); else reply.header(k, v); }
    if (cookies.length) reply.header("set-cookie", cookies);
    reply.header("x-content-type-options", "nosniff").header("x-pagec-request-id", res.requestId);
    for (const e of res.logs) {
      if (e.level === "error" && e.file) req.log.error({ page: res.page, error: { name: e.text.split(":")[0], message: e.text.slice(e.text.indexOf(":") + 2), file: e.file, line: e.line, column: e.column, stack: e.stack ?? [] } }, "script error");
      else req.log.info({ page: res.page, level: e.level, text: e.text }, "console");
    }
    const durationMs = performance.now() - started;
    req.log.info({ method: req.method, url: req.url, page: res.page, statusCode: res.status, responseTime: Math.round(durationMs * 100) / 100 }, "request completed");
    debug?.add({ id: res.requestId, time: new Date().toISOString(), method: req.method, path: req.url.split("?")[0], page: res.page, status: res.status, durationMs, entries: res.logs });
    if (debug && res.logs.length && options.watch) for (const e of res.logs) process.stderr.write(entryText(e) + "\n");
    // An empty body (redirects, HEAD) goes out without a Content-Type of Fastify's choosing.
    return isHead || res.body === "" ? reply.send() : reply.send(res.body);
  };
  app.route({ method: [...METHODS], url: "/*", handler: handle });
  app.route({ method: [...METHODS], url: "/", handler: handle });

  let swapping = Promise.resolve();
  const swapTo = async (next: LoadedSite) => {
    const fresh = await createSiteRuntime(next, store, { isolates: options.isolates, warn, onEvent: (e) => app.log.info({ sandbox: e }, "sandbox event") });
    const old = current;
    current = fresh; // atomic: every request reads `current` once at its start
    await old.pool?.close();
  };
  const server: PagecServer = {
    fastify: app,
    runtime: () => current,
    async listen() {
      return app.listen({ port: options.port ?? 3000, host: options.host ?? "127.0.0.1" });
    },
    async swap(distDir: string) {
      const { loadBundles } = await import("./load-bundles.js");
      swapping = swapping.then(async () => swapTo(await loadBundles(distDir)));
      return swapping;
    },
    async close() {
      await app.close();
      await current.pool?.close();
      await store.close();
    },
  };
  const reloadNow = async () => {
    if (!reload) return;
    // A failed rebuild keeps the previous build serving (SPEC §6.12); the error is logged.
    swapping = swapping.then(async () => swapTo(await reload())).catch((e: Error) => app.log.error({ err: e }, "reload failed; still serving the previous build"));
    return swapping;
  };
  (server as PagecServer & { reload(): Promise<void> }).reload = reloadNow;
  if (options.watch && reload) {
    const stop = watchForChanges(options.dist ?? options.site!, () => void reloadNow(), { isDist: !!options.dist });
    const close = server.close;
    server.close = async () => { stop(); await swapping; await close(); };
  }
  return server;
}
