import { it } from "vitest";
import { createServer } from "../../runtime/index.js";
import { writeSite } from "./_lib/shared-site.js";
it("scratch", async () => {
  const site = writeSite({ pages: {
    "fat.ef": `<script scope="backend">\nconst keep = []; for (let i = 0; i < 40; i++) keep.push('x'.repeat(1024 * 1024) + i);\nsetVariable('n', keep.length);\n</script>\n<p>fat {{ var.n }}</p>\n`,
    "deep.ef": `<script scope="backend">\nlet deep = []; for (let i = 0; i < 100000; i++) deep = [deep];\ntry { setVariable('deep', deep); } catch (e) { setVariable('e', e.name); }\nsetVariable('n', 1);\n</script>\n<p>deep {{ var.n }} {{ var.e }}</p>\n`,
  } }, { id: "s", limits: { scriptCpuMs: 3000, scriptWallMs: 5000, isolateMemoryMb: 64 } });
  const server = await createServer({ site, db: site + "/db.sqlite", port: 0, isolates: 1, logger: { level: "info", file: "/tmp/h12scratch.log" }, debug: true });
  for (let i = 0; i < 8; i++) {
    for (const u of [i < 4 ? "/fat" : "/deep", "/healthy?n=1"]) {
      const res = await server.fastify.inject({ url: u });
      const id = res.headers["x-pagec-request-id"];
      const log = (await server.fastify.inject({ url: `/__pagec/logs/${id}` })).json();
      console.log(u, res.body.trim().slice(0, 60), JSON.stringify(log.entries), log.durationMs | 0);
    }
  }
  await server.close();
}, 120000);
