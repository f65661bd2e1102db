// `pagec build` through the real binary: output layout, determinism, and broken pages reported as code frames.
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/pagec.mjs");
const pagec = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });
const tmp = () => mkdtempSync(join(tmpdir(), "pagec-cli-"));

beforeAll(() => { execFileSync(process.execPath, [join(root, "scripts/build.mjs")]); }, 120000);

describe("pagec CLI", () => {
  it("prints help and version", () => {
    const help = pagec("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("pagec build <site>");
    expect(pagec("--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = pagec("frobnicate");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown command `frobnicate`");
    expect(pagec("build", "/no/such/dir").status).toBe(2);
  });

  it("builds the weight-tracker example: manifest last, one bundle per page, deterministic bytes", () => {
    const out1 = tmp(), out2 = tmp();
    const r1 = pagec("build", "examples/weight-tracker", "--out", out1);
    expect(r1.status).toBe(0);
    expect(r1.stderr).toMatch(/built 5 pages into/);
    const manifest = JSON.parse(readFileSync(join(out1, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "pagec-bundle", formatVersion: 1, compiler: { name: "pagec" } });
    expect(manifest.routes.map((r: { slug: string }) => r.slug)).toEqual(["dashboard", "index", "login", "logout", "weight/checkin"].sort());
    const checkin = manifest.routes.find((r: { slug: string }) => r.slug === "weight/checkin");
    expect(checkin).toMatchObject({ kind: "exact", hasScript: true, schemas: { precompiled: 1, dynamic: 0 }, sources: ["pages/weight/checkin.ef", "scripts/validators.js", "components/nav.ef"].sort() });
    expect(checkin.file).toMatch(/^pages\/weight__checkin\.[0-9a-f]{16}\.js$/);
    for (const r of manifest.routes) {
      expect(existsSync(join(out1, r.render.file))).toBe(true);
      if (r.file) {
        const code = readFileSync(join(out1, r.file), "utf8");
        expect(code.startsWith('__pagec_define("')).toBe(true);
        expect(code.trimEnd().split("\n").pop()).toMatch(/^\/\/# sourceMappingURL=.+\.js\.map$/);
      }
    }
    expect(pagec("build", "examples/weight-tracker", "--out", out2, "--no-code-cache").status).toBe(0);
    // Every file except the V8 code caches (and manifest.createdAt/v8) is byte-identical across builds.
    const files = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length + 1)).filter((f) => !f.endsWith(".cache") && f !== "manifest.json").sort();
    expect(files(out2)).toEqual(files(out1));
    for (const f of files(out1)) expect(readFileSync(join(out2, f)).equals(readFileSync(join(out1, f)))).toBe(true);
    const m2 = JSON.parse(readFileSync(join(out2, "manifest.json"), "utf8"));
    expect(m2.buildId).toBe(manifest.buildId);
  });

  it("builds the storefront example (loops, filters, a component, a layout)", () => {
    const out = tmp();
    expect(pagec("build", "examples/storefront", "--out", out).status).toBe(0);
  });

  it("reports each mistake of a broken page once, as a code frame, writes nothing and exits 1", () => {
    const site = tmp();
    mkdirSync(join(site, "pages"));
    writeFileSync(join(site, "pages/index.ef"), [
      "<p>ok</p>",
      "@else",
      "<p v-else>no</p>",
      "=======",
      "@if(true)",
      "<p>{{ 1 + }</p>",
      "",
    ].join("\n"));
    const out = join(site, "dist");
    const r = pagec("build", site, "--out", out);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    const codes = [...r.stderr.matchAll(/^(error|warning)\[(PC\d{4})\]/gm)].map((m) => m[2]);
    expect(codes.sort()).toEqual(["PC1001", "PC1005", "PC1010", "PC1012", "PC1030"].sort());
    expect(r.stderr).toContain(" --> pages/index.ef:2:1\n");
    expect(r.stderr).toContain("2 | @else\n  | ^^^^^\n");
    expect(r.stderr).toContain(" --> pages/index.ef:4:1\n");
    expect(r.stderr).toContain(" --> pages/index.ef:6:4\n");
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr.trimEnd().split("\n").pop()).toMatch(/^5 errors, \d+ warnings?$/);
    const json = pagec("build", site, "--out", out, "--format", "json");
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).summary.errors).toBe(5);
  });
});
