// One HTTP server of group 3, in its own process so the load generator does not share its event loop:
//   pagec     — createServer on a site whose landing page is the workload page
//   eta       — Fastify + @fastify/view (Eta, production cache) rendering the same page with the same data
//   constant  — Fastify replying with the same bytes as a constant
// Usage: node --no-node-snapshot http-server-child.mjs <kind> <siteDir> <expectedHtmlFile>; prints "READY <url>".
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { ROOT, loadPagec } from "./pagec.mjs";
import { landingData } from "./workloads.mjs";
import { helpers } from "../groups/peers.mjs";
import { ETA } from "../groups/engines.mjs";

const require = createRequire(join(ROOT, "package.json"));
const [kind, siteDir, expectedFile] = process.argv.slice(2);
const host = "127.0.0.1";
let url;

if (kind === "pagec") {
  const rt = await import(new URL("../../build/runtime/index.js", import.meta.url).href);
  const db = join(mkdtempSync(join(tmpdir(), "pagec-bench-http-")), "db.sqlite");
  const server = await rt.createServer({ site: siteDir, db, port: 0, host, isolates: 1, logger: false });
  url = `${await server.listen()}/landing`;
} else {
  const Fastify = require("fastify");
  const app = Fastify({ logger: false });
  if (kind === "eta") {
    const pagec = await loadPagec();
    const { Eta } = await import(require.resolve("eta").replace(/index\.cjs$/, "index.mjs"));
    const views = mkdtempSync(join(tmpdir(), "pagec-bench-eta-"));
    writeFileSync(join(views, "card.eta"), ETA.card);
    writeFileSync(join(views, "landing.eta"), ETA.landing("./card"));
    await app.register(require("@fastify/view"), { engine: { eta: new Eta({ autoEscape: true, autoTrim: false, useWith: false }) }, root: views, production: true });
    const data = { ...landingData(), h: helpers(pagec.lib) };
    app.get("/landing", (_req, reply) => reply.header("content-type", "text/html; charset=utf-8").view("landing.eta", data));
  } else {
    const body = readFileSync(expectedFile);
    app.get("/landing", (_req, reply) => reply.header("content-type", "text/html; charset=utf-8").send(body));
  }
  url = `${await app.listen({ port: 0, host })}/landing`;
}
process.stdout.write(`READY ${url}\n`);
process.on("SIGTERM", () => process.exit(0));
