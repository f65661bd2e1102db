// SPEC §6.10 and §4.1 failures through runPage: no state crosses requests, pages or sites; the CPU and wall-clock
// limits stop a script and the page renders with what was set before; a memory bomb costs only its own isolate.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { startKit, page, json, logTexts, type Kit } from "./site-kit.js";

// Site A: a 300 ms CPU budget with a roomy wall-clock limit, so that on a loaded machine the CPU limit is still the
// one that stops `while(true){}`. Site B: a large CPU budget (growing a heap to 64 MB costs ~200 ms of CPU, GC
// included, which would race a 300 ms budget) and a 2 s wall-clock limit for the never-settling await.
const LIMITS_A = { scriptCpuMs: 300, scriptWallMs: 4000, isolateMemoryMb: 64 };
const LIMITS_B = { scriptCpuMs: 3000, scriptWallMs: 2000, isolateMemoryMb: 64 };
const PROBE = `response.json({
  x: typeof globalThis.x, polluted: ({}).polluted === undefined ? 'clean' : 'polluted', arr: typeof [].evil,
  json: JSON.stringify({ a: 1 }), math: Math.max(1, 2), evalOk: typeof Object.prototype.toString,
  shared: typeof SharedArrayBuffer, atomics: typeof Atomics, wasm: typeof WebAssembly,
});`;
const POLLUTE = `globalThis.x = 'leak'; Object.prototype.polluted = true; Array.prototype.evil = () => 1;
JSON.stringify = () => 'hacked'; Math.max = () => -1; Object.prototype.toString = 5;
setVariable('v', 'from A');`;

let dbDir: string;
let a: Kit, b: Kit;
beforeAll(async () => {
  dbDir = mkdtempSync(join(tmpdir(), "pagec-iso-"));
  const db = join(dbDir, "shared.sqlite");
  const files = (id: string, limits: object) => ({
    "site.json": { id, typeCheck: "off", limits, crm: { entities: [{ slug: "notes" }] } },
    "pages/pollute.ef": page(`if (request.query.set) { ${POLLUTE} }\n${PROBE}`),
    "pages/other.ef": page(PROBE),
    "pages/plain.ef": "<p>{{ var.v | default:'none' }}</p>",
    "pages/crm.ef": page(`if (request.query.w) addCrmFieldValue({ slug: 'notes', referenceId: 'shared', fieldKey: 'who', value: request.query.w });
response.json(getCrmFieldValues({ slug: 'notes', referenceId: 'shared', fieldKey: 'who' }));`),
    "pages/spin.ef": page(`setVariable('before', 'set'); setHeader('X-Before', '1');\nwhile (true) {}\nsetVariable('after', 'ran');`, "<p>{{ var.before }} {{ var.after | default:'stopped' }}</p>"),
    "pages/hang.ef": page(`setVariable('before', 'set');\nawait new Promise(() => {});\nsetVariable('after', 'ran');`, "<p>{{ var.before }} {{ var.after | default:'stopped' }}</p>"),
    "pages/bomb.ef": page(`setVariable('before', 'set');\nconst keep = [];\nwhile (true) keep.push(new Array(1e6).fill(Math.random()));`, "<p>{{ var.before }}</p>"),
    "pages/map-bomb.ef": page(`setVariable('before', 'set');\nconst m = new Map();\nfor (let i = 0; ; i++) m.set(i, { i, s: 'v' + i });`, "<p>{{ var.before }}</p>"),
    "pages/ok.ef": page(`setVariable('n', 1 + 1);`, "<p>ok {{ var.n }}</p>"),
  });
  a = await startKit(files("site-a", LIMITS_A), { db });
  b = await startKit(files("site-b", LIMITS_B), { db });
});
afterAll(async () => { await a?.stop(); await b?.stop(); rmSync(dbDir, { recursive: true, force: true }); });

const CLEAN = { x: "undefined", polluted: "clean", arr: "undefined", json: '{"a":1}', math: 2, evalOk: "function", shared: "undefined", atomics: "undefined", wasm: "undefined" };

describe("no state crosses requests, pages or sites", () => {
  it("request A pollutes globals and prototypes; it sees its own changes", async () => {
    const r = await a.run("/pollute?set=1");
    expect(json(r).x).toBe("string");
    expect(json(r).polluted).toBe("polluted");
  });
  it("request B to the same page, to another page, and to another site sees none of it", async () => {
    await a.run("/pollute?set=1");
    for (const [kit, url] of [[a, "/pollute"], [a, "/other"], [b, "/pollute"], [b, "/other"]] as const) {
      const r = await kit.run(url);
      expect(JSON.parse(r.body), url).toEqual(CLEAN);
    }
    expect((await a.run("/plain")).body).toBe("<p>none</p>");
  });
  it("stays clean across many requests on a single isolate (contexts are single-use)", async () => {
    for (let i = 0; i < 6; i++) {
      await a.run("/pollute?set=1");
      expect(json(await a.run("/other"))).toEqual(CLEAN);
    }
  });
  it("two sites sharing one database file never see each other's CRM entries", async () => {
    expect(json(await a.run("/crm?w=a"))).toEqual(["a"]);
    expect(json(await b.run("/crm?w=b"))).toEqual(["b"]);
    expect(json(await a.run("/crm"))).toEqual(["a"]);
  });
});

describe("limits", () => {
  it("while(true){} is stopped at the CPU budget; the page renders with what was set before", async () => {
    const t0 = Date.now();
    const r = await a.run("/spin");
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(r.status).toBe(200);
    expect(r.body).toBe("<p>set stopped</p>");
    expect(r.headers.find(([n]) => n.toLowerCase() === "x-before")?.[1]).toBe("1");
    expect(logTexts(r, "error")).toContain("ScriptTimeoutError: CPU limit of 300 ms exceeded");
    expect((await a.run("/ok")).body).toBe("<p>ok 2</p>");
  });
  it("a script awaiting forever is stopped at the wall-clock limit", async () => {
    const t0 = Date.now();
    const r = await b.run("/hang");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(r.status).toBe(200);
    expect(r.body).toBe("<p>set stopped</p>");
    expect(logTexts(r, "error")).toContain("ScriptTimeoutError: wall-clock limit of 2000 ms exceeded");
  });
  it("a memory bomb disposes the isolate; the page renders and the next request succeeds", async () => {
    const r = await b.run("/bomb");
    expect(r.status).toBe(200);
    expect(r.body).toBe("<p>set</p>");
    expect(logTexts(r, "error"), JSON.stringify(r.logs)).toContain("ScriptMemoryError: memory limit of 64 MB exceeded");
    expect((await b.run("/ok")).body).toBe("<p>ok 2</p>");
    expect(json(await b.run("/other"))).toEqual(CLEAN);
  });
  it("a Map grown in a loop (which can abort the isolate's process) is answered as a failed script; the server keeps serving", async () => {
    const r = await b.run("/map-bomb");
    expect(r.status).toBe(200);
    expect(r.body).toBe("<p>set</p>");
    expect(logTexts(r, "error").length).toBeGreaterThan(0);
    expect((await b.run("/ok")).body).toBe("<p>ok 2</p>");
    expect((await a.run("/ok")).body).toBe("<p>ok 2</p>");
  });
});
