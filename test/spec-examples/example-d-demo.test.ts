// SPEC §10.4 Example D (demo-d): D1 through the CLI (serve exits 1 with the diagnostics on stderr), D2 and D3 in
// dev mode (`watch: true`). D3's body is compared against what `pagec check` prints at test time, HTML-escaped.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { startTestServer, type TestServer } from "../runtime/server-harness.js";

const root = join(import.meta.dirname, "../..");
const site = join(root, "test/fixtures/spec-sites/demo-d");
const cli = join(root, "bin/pagec.mjs");
const built = existsSync(join(root, "build/compiler/index.js"));
const HTML_CT = "text/html; charset=utf-8";
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

interface CliRun { status: number | null; stdout: string; stderr: string }

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    let stdout = "", stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => { stdout += c; });
    child.stderr.setEncoding("utf8").on("data", (c: string) => { stderr += c; });
    const timer = setTimeout(() => child.kill(), 30000);
    child.on("error", reject);
    child.on("close", (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}

// `pagec check demo-d` runs the full analysis (TypeScript included), so it is run once and shared.
let checkRun: Promise<CliRun> | null = null;
const checkOnce = () => (checkRun ??= runCli(["check", "test/fixtures/spec-sites/demo-d"]));

describe.skipIf(!built)("SPEC §10.4 Example D through the CLI (needs `node scripts/build.mjs`)", () => {
  it("D1 — `pagec serve demo-d` exits 1, prints the diagnostics on stderr, opens no port", async () => {
    const [check, serve] = await Promise.all([checkOnce(), runCli(["serve", "test/fixtures/spec-sites/demo-d", "--port", "0"])]);
    expect(serve.status).toBe(1);
    expect(serve.stdout).not.toMatch(/listening/i);
    expect(serve.stderr).toContain("error[PC3003]: module `format` has no export named `cents`");
    expect(serve.stderr).toContain(check.stdout.trimEnd());
  });
});

describe("SPEC §10.4 Example D in dev mode", () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer(site, { watch: true }); });
  afterAll(async () => { await t?.stop(); });

  it("D2 — GET / works", async () => {
    const r = await t.server.fastify.inject({ method: "GET", url: "/" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    expect(r.body).toBe("<p>FitTrack is up.</p>");
  });

  it("D3 — GET /broken answers 500 with the build-error page holding the broken.ef code frames", async () => {
    const r = await t.server.fastify.inject({ method: "GET", url: "/broken" });
    expect(r.statusCode).toBe(500);
    expect(r.headers["content-type"]).toBe(HTML_CT);
    expect(r.headers["cache-control"]).toBe("no-store");
    const head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>500 Build error</title></head><body><h1>Build error</h1><pre>';
    const tail = "</pre></body></html>";
    expect(r.body.startsWith(head)).toBe(true);
    expect(r.body.endsWith(tail)).toBe(true);
    const pre = r.body.slice(head.length, r.body.length - tail.length);
    expect(pre.startsWith("error[PC3003]: module `format` has no export named `cents`\n --&gt; pages/broken.ef:3:12\n")).toBe(true);
    expect(pre).toContain("3 |   import { cents } from &quot;format&quot;;\n  |            ^^^^^");
    expect(pre).toContain("13 | &lt;h1&gt;{{ greeting }}&lt;/h1&gt;");
    expect(pre).toContain("error[PC1001]: unclosed `{{`: no matching `}}` before the end of the file\n  --&gt; pages/broken.ef:25:4");
    expect(pre).toMatch(/\d+ errors?, \d+ warnings?\n$/);
  });

  it.skipIf(!built)("D3 — the <pre> is exactly the pretty output of `pagec check demo-d`, HTML-escaped", async () => {
    const check = await checkOnce();
    expect(check.status).toBe(1);
    const r = await t.server.fastify.inject({ method: "GET", url: "/broken" });
    expect(r.body).toBe(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>500 Build error</title></head><body><h1>Build error</h1><pre>${escapeHtml(check.stdout)}</pre></body></html>`);
  });
});

describe("SPEC §10.4 D3 — fixing the file in dev mode", () => {
  it("recompiles the page on save and serves it without a restart; other pages keep working", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pagec-demo-d-"));
    const copy = join(dir, "demo-d");
    cpSync(site, copy, { recursive: true });
    const t = await startTestServer(copy, { watch: true });
    try {
      expect((await t.server.fastify.inject({ method: "GET", url: "/broken" })).statusCode).toBe(500);
      writeFileSync(join(copy, "pages/broken.ef"), "<script scope=\"backend\">\n  setVariable('greeting', 'Hello');\n</script>\n<h1>{{ var.greeting }}</h1>\n");
      let r = await t.server.fastify.inject({ method: "GET", url: "/broken" });
      for (let i = 0; i < 100 && r.statusCode !== 200; i++) {
        await new Promise((res) => setTimeout(res, 100));
        r = await t.server.fastify.inject({ method: "GET", url: "/broken" });
      }
      expect(r.statusCode).toBe(200);
      expect(r.body).toBe("<h1>Hello</h1>");
      expect((await t.server.fastify.inject({ method: "GET", url: "/" })).body).toBe("<p>FitTrack is up.</p>");
    } finally {
      await t.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
