// `pagec serve` as a process: listens after warm-up, answers, shuts down gracefully on SIGTERM (exit 0);
// refuses a PostgreSQL URL (exit 2); dev mode exposes the debug log endpoint.
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/pagec.mjs");
beforeAll(() => { execFileSync(process.execPath, [join(root, "scripts/build.mjs")]); }, 120000);

function serve(args: string[]) {
  const child = spawn(process.execPath, [bin, "serve", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  const address = new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (d) => {
      stderr += d;
      const m = /serving .* at (http:\/\/[^\s]+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, address, exited };
}

describe("pagec serve", () => {
  it("serves the example and exits 0 on SIGTERM", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "pagec-serve-")), "x.sqlite");
    const s = serve(["examples/weight-tracker", "--port", "0", "--db", db]);
    const address = await s.address;
    const r = await fetch(`${address}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("Welcome to FitTrack");
    expect((await fetch(`${address}/__pagec/logs`)).status).toBe(404);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  }, 30000);

  it("dev mode (--watch) records requests at /__pagec/logs with the script's console output", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "pagec-serve-")), "x.sqlite");
    const s = serve(["test/fixtures/spec-sites/hilltop", "--port", "0", "--db", db, "--watch"]);
    const address = await s.address;
    const r = await fetch(`${address}/products/mug-1`);
    expect(r.status).toBe(200);
    const id = r.headers.get("x-pagec-request-id");
    const logs = await (await fetch(`${address}/__pagec/logs`)).json() as { id: string; path: string; page: string; status: number }[];
    expect(logs[0]).toMatchObject({ id, path: "/products/mug-1", page: "products/{sku}", status: 200 });
    const one = await fetch(`${address}/__pagec/logs/${id}`);
    expect(one.status).toBe(200);
    expect((await fetch(`${address}/__pagec/logs/nope`)).status).toBe(404);
    s.child.kill("SIGINT");
    expect(await s.exited).toBe(0);
  }, 30000);

  it("refuses PostgreSQL with exit 2 and a clear message", () => {
    const r = spawnSync(process.execPath, [bin, "serve", "examples/weight-tracker", "--db", "postgres://localhost/x"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("PostgreSQL support is not available in this version of pagec");
  });
});
