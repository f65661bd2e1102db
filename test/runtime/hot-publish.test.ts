// Hot publish (SPEC §6.12): while a load loop requests pages, a page changes on disk, the site recompiles and
// swaps atomically; every response is the old or the new version and none fails. Also: a broken edit keeps
// the site serving and shows the build-error page for that page only (dev mode).
import { describe, it, expect, afterAll } from "vitest";
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestServer, type TestServer } from "./server-harness.js";

const source = join(import.meta.dirname, "../../examples/weight-tracker");
const site = mkdtempSync(join(tmpdir(), "pagec-hot-"));
cpSync(source, site, { recursive: true });
let t: TestServer | undefined;
afterAll(async () => { await t?.stop(); });

const until = async (cond: () => Promise<boolean>, ms = 15000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await cond()) return true; await new Promise((r) => setTimeout(r, 50)); }
  return false;
};

describe("hot publish under load", () => {
  it("answers every request with the old or the new version while the site recompiles", async () => {
    t = await startTestServer(site, { watch: true });
    const address = await t.server.listen();
    const seen = { old: 0, fresh: 0, bad: [] as string[] };
    let running = true;
    const loop = async (path: string, oldMark: string, newMark: string) => {
      while (running) {
        const r = await fetch(`${address}${path}`);
        const body = await r.text();
        if (r.status === 200 && body.includes(oldMark) && !body.includes(newMark)) seen.old++;
        else if (r.status === 200 && body.includes(newMark) && !body.includes(oldMark)) seen.fresh++;
        else seen.bad.push(`${path} ${r.status} ${body.slice(0, 120)}`);
      }
    };
    const loops = [loop("/", "Welcome to FitTrack", "Welcome back to FitTrack"), loop("/", "Welcome to FitTrack", "Welcome back to FitTrack"), loop("/weight/checkin", "<h1>Weight Check-in</h1>", "<h1>Daily weigh-in</h1>")];
    await new Promise((r) => setTimeout(r, 300));
    const index = join(site, "pages/index.ef");
    writeFileSync(index, readFileSync(index, "utf8").replace("Welcome to", "Welcome back to"));
    const checkin = join(site, "pages/weight/checkin.ef");
    writeFileSync(checkin, readFileSync(checkin, "utf8").replace("setVariable('page_title', 'Weight Check-in')", "setVariable('page_title', 'Daily weigh-in')"));
    const swapped = await until(async () => (await (await fetch(`${address}/weight/checkin`)).text()).includes("Daily weigh-in") && (await (await fetch(`${address}/`)).text()).includes("Welcome back"));
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    await Promise.all(loops);
    expect(swapped).toBe(true);
    expect(seen.bad).toEqual([]);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.fresh).toBeGreaterThan(0);
  }, 40000);

  it("keeps serving other pages when an edit breaks one page, and shows its build error", async () => {
    const address = (t!.server.fastify.server.address() as { port: number }).port;
    const base = `http://127.0.0.1:${address}`;
    const index = join(site, "pages/index.ef");
    const good = readFileSync(index, "utf8");
    writeFileSync(index, good + "\n{{ var.brand_name | upper \n");
    expect(await until(async () => (await fetch(`${base}/`)).status === 500)).toBe(true);
    const broken = await fetch(`${base}/`);
    const body = await broken.text();
    expect(body).toContain("<title>500 Build error</title>");
    expect(body).toContain("error[PC1001]: unclosed `{{`");
    expect((await fetch(`${base}/login`)).status).toBe(200);
    writeFileSync(index, good);
    expect(await until(async () => (await fetch(`${base}/`)).status === 200)).toBe(true);
  }, 40000);
});
