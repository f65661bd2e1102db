// Runs the benchmark harness in --quick mode into a temp dir and checks what it writes: every group, the six
// goals with their fields, the markdown report and the SVG charts. No timing assertions (CI machines vary).
import { describe, it, expect, beforeAll } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const GOAL_IDS = ["render-vs-fastest-peer", "render-vs-literal", "isolate-vs-in-process", "http-vs-fastify-eta", "bundle-load-p50", "check-warm"];
const GROUPS = ["render", "runtime", "http", "build", "memory", "scaling"];

describe("benchmarks/run.mjs --quick", () => {
  let out = "";
  let run: ReturnType<typeof spawnSync>;
  let json: Record<string, any> = {};
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "pagec-bench-test-"));
    if (!existsSync(join(ROOT, "build/render-lib.js"))) spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT });
    run = spawnSync(process.execPath, ["--no-node-snapshot", "benchmarks/run.mjs", "--quick", "--out", out], { cwd: ROOT, encoding: "utf8", timeout: 240000 });
    if (existsSync(join(out, "latest.json"))) json = JSON.parse(readFileSync(join(out, "latest.json"), "utf8"));
  }, 250000);

  it("exits 0 and writes latest.json", () => {
    expect(run.stderr).not.toContain("FAILED");
    expect(run.status).toBe(0);
    expect(json.format).toBe("pagec-bench");
    expect(json.mode).toBe("quick");
  });

  it("has every group and no group errors", () => {
    expect(json.errors).toEqual({});
    for (const g of GROUPS) expect(json.groups[g], g).toBeTypeOf("object");
  });

  it("has the six goals with id, description, ratio, target, direction and met", () => {
    expect(json.goals.map((g: { id: string }) => g.id)).toEqual(GOAL_IDS);
    for (const g of json.goals) {
      expect(typeof g.description).toBe("string");
      expect(g.ratio === null || typeof g.ratio === "number").toBe(true);
      expect(typeof g.target).toBe("number");
      expect(["max", "min"]).toContain(g.direction);
      expect(typeof g.met).toBe("boolean");
      if (g.ratio !== null) expect(g.met).toBe(g.direction === "max" ? g.ratio >= g.target : g.ratio <= g.target);
    }
  });

  it("checked every render contender's output against pagec's before timing", () => {
    const w = json.groups.render.workloads;
    expect(w.map((x: { id: string }) => x.id)).toEqual(["list-raw", "list-escaped", "table-97kb", "landing"]);
    for (const x of w) {
      const names = x.rows.map((r: { name: string }) => r.name);
      expect(names).toContain("pagec");
      expect(names).toContain("template literal");
      for (const r of x.rows) expect(["reference", "equal", "partial escaping", "differs"]).toContain(r.equality);
      expect(x.rows.find((r: { name: string }) => r.name === "template literal").equality).toBe("equal");
    }
  });

  it("records the environment", () => {
    const e = json.environment;
    expect(e.node).toBe(process.version);
    expect(typeof e.cpu).toBe("string");
    expect(e.cores).toBeGreaterThan(0);
    expect(e.versions.eta).toMatch(/^\d+\./);
  });

  it("writes the markdown report and one SVG per group", () => {
    const md = readFileSync(join(out, "latest.md"), "utf8");
    expect(md).toContain("## Goals");
    for (const id of GOAL_IDS) expect(md).toContain(id);
    const svgs = readdirSync(out).filter((f) => f.endsWith(".svg")).sort();
    expect(svgs).toEqual(["build.svg", "http.svg", "memory.svg", "render.svg", "runtime.svg", "scaling-build.svg", "scaling-render.svg"]);
    for (const f of svgs) expect(readFileSync(join(out, f), "utf8")).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
  });
});
