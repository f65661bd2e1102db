const writer = `<script scope="backend">
import { bump } from "state";
globalThis.brandSecret = 'A-secret';
Object.prototype.leak = 'A';
setVariable('secret', 'A-secret');
response.json({ count: bump() });
</script>
`;
const reader = `<script scope="backend">
import { bump } from "state";
response.json({ secret: typeof globalThis.brandSecret, leak: typeof ({}).leak, v: getVariable('secret'), count: bump() });
</script>
`;
const state = `let n = 0;\nexport function bump() { n += 1; return n; }\n`;
const clean = { secret: "undefined", leak: "undefined", v: null, count: 1 };
export default {
  id: "A8",
  title: "no state crosses sites, requests or concurrent runs",
  pages: { "a8-writer.ef": writer, "a8-reader.ef": reader },
  scripts: { "state.js": state },
  timeoutMs: 40000,
  async run({ writeSite, startServer, inject, expect }) {
    const a = await startServer(writeSite({ pages: { "index.ef": writer }, scripts: { "state.js": state } }, { id: "brand-a" }));
    const b = await startServer(writeSite({ pages: { "index.ef": reader }, scripts: { "state.js": state } }, { id: "brand-b" }));
    try {
      const runs = [];
      for (let i = 0; i < 20; i++) {
        runs.push(a.server.fastify.inject({ url: "/" }).then((r) => expect(r.json()).toEqual({ count: 1 })));
        runs.push(b.server.fastify.inject({ url: "/" }).then((r) => expect(r.json()).toEqual(clean)));
        runs.push(inject({ url: "/a8-writer" }).then((r) => expect(r.json()).toEqual({ count: 1 })));
        runs.push(inject({ url: "/a8-reader" }).then((r) => expect(r.json()).toEqual(clean)));
      }
      await Promise.all(runs);
      expect((await a.server.fastify.inject({ url: "/healthy" })).statusCode).toBe(200);
      expect((await b.server.fastify.inject({ url: "/healthy" })).statusCode).toBe(200);
    } finally {
      await a.stop();
      await b.stop();
    }
  },
};
