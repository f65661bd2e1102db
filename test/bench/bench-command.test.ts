// `pagec bench` argument handling: the flags it forwards to benchmarks/run.mjs and how it finds the harness.
import { describe, it, expect } from "vitest";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { benchArgs, findHarness } from "../../compiler/cli/bench-command.js";
import { UsageError } from "../../compiler/cli/main.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("pagec bench", () => {
  it.each([
    [[], []],
    [["--quick"], ["--quick"]],
    [["--out", "/tmp/x"], ["--out", "/tmp/x"]],
    [["--only", "render,build", "--quick"], ["--quick", "--only", "render,build"]],
    [["examples/storefront", "--quick"], ["--site", join(ROOT, "examples/storefront"), "--quick"]],
  ])("forwards %j as %j", (args, want) => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try { expect(benchArgs(args)).toEqual(want); } finally { process.chdir(cwd); }
  });

  it("rejects a site that is not a directory and extra positionals", () => {
    expect(() => benchArgs(["/no/such/site"])).toThrow(UsageError);
    expect(() => benchArgs([ROOT, ROOT])).toThrow(UsageError);
  });

  it("rejects unknown flags", () => {
    expect(() => benchArgs(["--fast"])).toThrow();
  });

  it("finds benchmarks/run.mjs upwards from the module", () => {
    expect(findHarness()).toBe(join(ROOT, "benchmarks", "run.mjs"));
    expect(findHarness(join(ROOT, "build", "compiler", "cli"))).toBe(join(ROOT, "benchmarks", "run.mjs"));
    expect(findHarness("/")).toBeNull();
  });
});
