// `pagec check` on files (site root found upwards, only those files reported, --strict) and `pagec build --watch`
// (rebuilds on change; a rebuild with errors prints them and leaves the previous dist untouched).
import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/pagec.mjs");
const pagec = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: root });
beforeAll(() => { execFileSync(process.execPath, [join(root, "scripts/build.mjs")]); }, 120000);

function siteWithWarning(): string {
  const site = mkdtempSync(join(tmpdir(), "pagec-check-"));
  cpSync(join(root, "examples/weight-tracker"), site, { recursive: true });
  // A warning only (PC2002) in one page, an error (PC2005) in another.
  writeFileSync(join(site, "pages/warn.ef"), "<p>{{ var.motto }}</p>\n");
  writeFileSync(join(site, "pages/bad.ef"), "<p>{{ var.brand_name | capitalise }}</p>\n");
  return site;
}

describe("pagec check on files", () => {
  it("reports only the given files, and --strict turns warnings into exit 1", () => {
    const site = siteWithWarning();
    const warn = pagec("check", join(site, "pages/warn.ef"), "--format", "json");
    expect(warn.status).toBe(0);
    const doc = JSON.parse(warn.stdout);
    expect(doc.site).toBe(site);
    expect(doc.diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`)).toEqual(["PC2002 pages/warn.ef"]);
    expect(pagec("check", join(site, "pages/warn.ef"), "--strict").status).toBe(1);
    const clean = pagec("check", join(site, "pages/dashboard.ef"), "--format", "json", "--strict");
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0, files: 0 });
    const bad = pagec("check", join(site, "pages/bad.ef"), join(site, "pages/warn.ef"));
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("error[PC2005]: unknown filter `capitalise`");
    expect(bad.stdout.trimEnd().split("\n").pop()).toBe("1 error, 1 warning");
  });

  it("fails with a usage error when no site root is above the file", () => {
    const lone = join(mkdtempSync(join(tmpdir(), "pagec-lone-")), "x.ef");
    writeFileSync(lone, "<p>x</p>\n");
    const r = pagec("check", lone);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot find the site root");
  });
});

describe("pagec build --watch", () => {
  it("rebuilds on change and keeps the previous dist when a rebuild has errors", async () => {
    const site = mkdtempSync(join(tmpdir(), "pagec-watch-"));
    cpSync(join(root, "examples/storefront"), site, { recursive: true });
    // Output inside the watched site, under a name the loader does not ignore: its own writes must not retrigger.
    const out = join(site, "out");
    const child = spawn(process.execPath, [bin, "build", site, "--out", out, "--watch", "--no-code-cache"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => { stderr += d; });
    const until = async (cond: () => boolean, ms = 20000) => {
      const end = Date.now() + ms;
      while (Date.now() < end) { if (cond()) return true; await new Promise((r) => setTimeout(r, 50)); }
      return false;
    };
    const builds = () => (stderr.match(/built \d+ pages? into/g) ?? []).length;
    try {
      expect(await until(() => builds() === 1)).toBe(true);
      const first = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).buildId;
      const layout = join(site, "pages/layout.ef");
      writeFileSync(layout, readFileSync(layout, "utf8").replace("<header>", "<header class=\"top\">"));
      expect(await until(() => builds() === 2)).toBe(true);
      const second = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).buildId;
      expect(second).not.toBe(first);
      await new Promise((r) => setTimeout(r, 1000));
      expect(builds()).toBe(2);
      writeFileSync(join(site, "pages/index.ef"), "@extends(\"layout\")\n@block(\"content\"){{ var.x | nope }}@endblock\n");
      expect(await until(() => stderr.includes("error[PC2005]"))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).buildId).toBe(second);
      expect(existsSync(join(out, "manifest.json"))).toBe(true);
    } finally {
      child.kill("SIGTERM");
    }
  }, 60000);
});
