import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
const root = fileURLToPath(new URL("../../..", import.meta.url));
export default {
  id: "H1",
  title: "createServer without --no-node-snapshot fails fast",
  async run({ expect, writeSite }) {
    const site = writeSite({ pages: { "index.ef": "<p>x</p>\n" } }, { id: "h1" });
    const code = `import { createServer } from ${JSON.stringify(root + "build/runtime/index.js")};
try { await createServer({ site: ${JSON.stringify(site)}, db: ":memory:", port: 0, isolates: 1, logger: false }); console.log("STARTED"); process.exit(0); }
catch (e) { console.log("ERR " + e.message); process.exit(3); }`;
    const env = { ...process.env, NODE_OPTIONS: "" };
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { env, encoding: "utf8", timeout: 20000 });
    expect(r.stdout + r.stderr).toContain("pagec: Node must run with --no-node-snapshot");
    expect(r.stdout).not.toContain("STARTED");
  },
};
