import { defineConfig } from "vitest/config";

// isolated-vm on Node 20 needs --no-node-snapshot, so tests run in forked processes carrying the flag.
export default defineConfig({
  test: {
    pool: "forks",
    poolOptions: { forks: { execArgv: ["--no-node-snapshot"] } },
    include: ["test/**/*.test.ts"],
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
