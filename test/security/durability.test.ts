// Durability (issue 7): SIGKILL a `pagec serve` process in the middle of a stream of CRM writes made by a page's
// backend script; every write acknowledged by an HTTP response must be in the SQLite file after restart.
import { it, expect, beforeAll, afterAll } from "vitest";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer as netServer } from "node:net";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { writeSite } from "./_lib/shared-site.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const page = `<script scope="backend">
const n = Number(request.query.n);
const ok = setCrmField({ slug: 'durable', referenceId: 'r' + n, fieldKey: 'n', value: n });
response.json({ ok, n });
</script>
`;
let site: string;
let dir: string;
beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  site = writeSite({ pages: { "write.ef": page } }, { id: "durable", crm: { entities: [{ slug: "durable", fields: ["n"] }] } });
  dir = mkdtempSync(join(tmpdir(), "pagec-durable-"));
});
afterAll(() => { rmSync(site, { recursive: true, force: true }); rmSync(dir, { recursive: true, force: true }); });

const freePort = () => new Promise<number>((resolve) => { const s = netServer().listen(0, "127.0.0.1", () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });

/** Direct children of a pid (the sandbox processes), so they can be cleaned up by id after the SIGKILL. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const p of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try { if (Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1]) === pid) out.push(Number(p)); } catch { /* gone */ }
  }
  return out;
}

async function serve(db: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, ["--no-node-snapshot", "bin/pagec.mjs", "serve", site, "--port", String(port), "--host", "127.0.0.1", "--db", db, "--isolates", "2"], { cwd: root, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`${base}/__pagec/health`)).ok) return { proc, base }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error("pagec serve did not start");
}

it("keeps every acknowledged CRM write across a SIGKILL", async () => {
  const db = join(dir, "crm.sqlite");
  const { proc, base } = await serve(db);
  const acked: number[] = [];
  let next = 0;
  let killed = false;
  const writer = async () => {
    while (!killed) {
      const n = next++;
      try {
        const res = await fetch(`${base}/write?n=${n}`, { method: "POST" });
        const body = (await res.json()) as { ok: boolean; n: number };
        if (res.status === 200 && body.ok && body.n === n) acked.push(n);
      } catch { /* the process died under this request: not acknowledged */ }
    }
  };
  const writers = Array.from({ length: 6 }, writer);
  await new Promise((r) => setTimeout(r, 1500));
  const kids = childrenOf(proc.pid!);
  proc.kill("SIGKILL");
  killed = true;
  await Promise.all(writers);
  for (const k of kids) { try { process.kill(k, "SIGKILL"); } catch { /* already gone */ } }
  expect(acked.length).toBeGreaterThan(20);

  // Restart on the same file: the server must open it (WAL recovery) and keep serving.
  const again = await serve(db);
  const res = await fetch(`${again.base}/write?n=-1`, { method: "POST" });
  expect(res.status).toBe(200);
  const kids2 = childrenOf(again.proc.pid!);
  again.proc.kill("SIGTERM");
  await new Promise((r) => again.proc.once("exit", r));
  for (const k of kids2) { try { process.kill(k, "SIGKILL"); } catch { /* already gone */ } }

  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare("SELECT reference_id, values_json FROM pagec_crm_entries WHERE site = ? AND entity = ?").all("durable", "durable") as { reference_id: string; values_json: string }[];
  conn.close();
  const stored = new Set(rows.map((r) => JSON.parse(r.values_json).n as number));
  const missing = acked.filter((n) => !stored.has(n));
  expect(missing).toEqual([]);
  expect(stored.has(-1)).toBe(true);
}, 60000);
