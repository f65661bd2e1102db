// Durability (SPEC §6.8, brief): a child process writes CRM entries and sessions through the real
// store, acknowledging each after its promise resolves; it is SIGKILLed mid-stream, and every
// acknowledged write must be in the database when it is reopened.
import { afterAll, beforeAll, expect, test } from "vitest";
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { openDatabase } from "../../runtime/store/sqlite-driver.js";
import { openSqliteStore } from "../../runtime/store/index.js";
import { tempDir } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let dir = "";
let bundle = "";

beforeAll(async () => {
  dir = tempDir();
  bundle = join(dir, "store.mjs");
  // The child runs plain Node, so the TypeScript store is bundled first; better-sqlite3 stays external
  // and is found through NODE_PATH.
  await build({
    entryPoints: [join(ROOT, "runtime/store/index.ts")],
    outfile: bundle,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: ["better-sqlite3"],
    logLevel: "silent",
  });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CHILD = `
const { openSqliteStore } = await import(process.argv[1]);
const store = openSqliteStore(process.argv[2], { purgeIntervalMs: 0 });
const empty = { set: [], del: [], itemSet: [], itemDel: [], rotate: false };
for (let i = 0; ; i++) {
  await store.crm("durable", { fn: "addCrmFieldValue", entity: "log", referenceType: "customer", referenceId: "c1", fieldKey: "n", value: i });
  const s = await store.commitSession("durable", null, { ...empty, set: [["n", i]] }, 3600);
  process.stdout.write("ack " + i + " " + s.id + "\\n");
}
`;

test("every acknowledged write survives SIGKILL", async () => {
  const file = join(dir, "durable.sqlite");
  const child = spawn(process.execPath, ["--input-type=module", "-e", CHILD, bundle, file], {
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acked: { n: number; id: string }[] = [];
  let pending = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) {
      const [, n, id] = line.split(" ");
      acked.push({ n: Number(n), id: id! });
    }
    if (acked.length >= 300 && child.exitCode === null && !child.killed) child.kill("SIGKILL");
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, sig) => resolve(sig)));
  expect(stderr).toBe("");
  expect(signal).toBe("SIGKILL");
  expect(acked.length).toBeGreaterThanOrEqual(300);

  // Reopening through the store replays the WAL the killed process left behind.
  const store = openSqliteStore(file, { purgeIntervalMs: 0 });
  try {
    const values = (await store.crm("durable", {
      fn: "getCrmFieldValues", entity: "log", referenceType: "customer", referenceId: "c1", fieldKey: "n", limit: 200,
    })) as number[];
    expect(values.length).toBe(200);
    for (const { n, id } of acked) {
      const session = await store.loadSession("durable", id);
      expect(session?.state.data.n).toBe(n);
    }
  } finally {
    await store.close();
  }
  const db = openDatabase(file, 1000);
  const rows = db.prepare("SELECT values_json FROM pagec_crm_entries").all() as { values_json: string }[];
  const stored = new Set(rows.map((r) => (JSON.parse(r.values_json) as { n: number }).n));
  db.close();
  const missing = acked.filter(({ n }) => !stored.has(n));
  expect(missing).toEqual([]);
});
