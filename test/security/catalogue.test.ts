// Runs every regression folder test/security/<id>/case.mjs (SECURITY-TESTS.md catalogue) against one shared
// hostile site, then proves the host stayed alive: the healthy page still answers after every case.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import type { InjectOptions } from "fastify";
import { createServer, type PagecServer } from "../../runtime/index.js";
import { checkSite } from "../../compiler/index.js";
import { writeSharedSite, writeSite } from "./_lib/shared-site.js";
import type { CaseContext, CaseRequest, SecurityCase } from "./_lib/case-types.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "../..");
const folders = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("_") && existsSync(join(here, d.name, "case.mjs")))
  .map((d) => d.name)
  // SEC_CASES=A1,B5 runs a subset (for bisecting an interaction between cases).
  .filter((name) => !process.env.SEC_CASES || process.env.SEC_CASES.split(",").includes(name))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
const cases: SecurityCase[] = await Promise.all(
  folders.map(async (f) => (await import(pathToFileURL(join(here, f, "case.mjs")).href)).default as SecurityCase),
);

async function startServer(site: string) {
  const dir = mkdtempSync(join(tmpdir(), "pagec-sec-db-"));
  const db = join(dir, "test.sqlite");
  let server: PagecServer;
  try {
    // SEC_LOG=<file> keeps the server's structured log (sandbox events: child exits with their stderr).
    const logger = process.env.SEC_LOG ? { level: "info", file: process.env.SEC_LOG } : false;
    server = await createServer({ site, db, port: 0, isolates: 2, logger, debug: true });
  } catch (e) {
    // Show the diagnostics: a hostile page in the shared site must compile (compile-time cases use `compile`).
    throw new Error(String((e as { pretty?: string }).pretty ?? e));
  }
  return { server, db, async stop() { await server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

let shared: Awaited<ReturnType<typeof startServer>>;
let sharedSite: string;
beforeAll(async () => {
  // The sandbox children run the built JavaScript, so build first (as npm test does).
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  sharedSite = writeSharedSite(cases);
  shared = await startServer(sharedSite);
}, 120000);
afterAll(async () => {
  await shared?.stop();
  if (sharedSite) rmSync(sharedSite, { recursive: true, force: true });
});

async function runRequest(server: PagecServer, r: CaseRequest) {
  const opts: InjectOptions = { method: r.method ?? "GET", url: r.url, headers: r.headers, payload: r.payload as InjectOptions["payload"] };
  const res = await server.fastify.inject(opts);
  const label = `${r.name ?? ""} ${opts.method} ${r.url.slice(0, 200)}`;
  try {
    if (r.status !== undefined) expect(res.statusCode, label).toBe(r.status);
    for (const s of r.includes ?? []) expect(res.body, label).toContain(s);
    for (const s of r.excludes ?? []) expect(res.body, label).not.toContain(s);
    if (r.json !== undefined) expect(res.json(), label).toEqual(r.json);
    await r.check?.(res, expect);
  } catch (e) {
    // Name the cause: the request's execution log from the debug endpoint.
    const id = res.headers["x-pagec-request-id"];
    const log = id ? (await server.fastify.inject({ url: `/__pagec/logs/${id}` })).body : "";
    throw new Error(`${(e as Error).message}\nbody: ${res.body.slice(0, 300)}\nexecution log: ${log.slice(0, 1500)}`);
  }
  return res;
}

async function assertAlive(server: PagecServer, n: number) {
  const res = await server.fastify.inject({ method: "GET", url: `/healthy?n=${n}` });
  // On failure, show the execution log of the healthy request (debug endpoint) to name the cause.
  const why = async () => JSON.stringify((await server.fastify.inject({ url: "/__pagec/logs" })).json().slice(0, 2));
  if (res.statusCode !== 200 || !res.body.includes(`<p>ok ${n + 1}</p>`)) expect.fail(`healthy page after the case: ${res.statusCode} ${res.body} ${await why()}`);
}

async function runCase(c: SecurityCase) {
  const temps: string[] = [];
  const ctx: CaseContext = {
    server: shared.server,
    inject: (o) => shared.server.fastify.inject(o),
    expect,
    db: shared.db,
    writeSite: (files, siteJson) => { const d = writeSite(files, siteJson); temps.push(d); return d; },
    startServer,
    check: async (dir) => (await checkSite(dir)).diagnostics,
  };
  try {
    for (const comp of c.compile ?? []) {
      const dir = ctx.writeSite({ pages: comp.pages, scripts: comp.scripts });
      const codes = (await ctx.check(dir)).map((d) => d.code);
      for (const code of comp.codes) expect(codes, `${comp.name ?? ""}: expected ${code}`).toContain(code);
    }
    for (const r of c.requests ?? []) await runRequest(shared.server, r);
    await c.run?.(ctx);
    await assertAlive(shared.server, folders.indexOf(c.id));
  } finally {
    for (const d of temps) rmSync(d, { recursive: true, force: true });
  }
}

describe("security catalogue regression folders", () => {
  it("has a README.md naming its catalogue id in every folder", () => {
    for (const f of folders) {
      const first = readFileSync(join(here, f, "README.md"), "utf8").split("\n")[0];
      expect(first, f).toMatch(new RegExp(`\\b${f}\\b`));
    }
    expect(cases.map((c) => c.id)).toEqual(folders);
  });
  for (const c of cases) {
    const title = `${c.id}: ${c.title}`;
    if (c.knownBug) it.fails(`${title} [known bug: ${c.knownBug}]`, () => runCase(c), c.timeoutMs ?? 20000);
    else it(title, () => runCase(c), c.timeoutMs ?? 20000);
  }
});
