import { B6_PAGE } from "../B6/case.mjs";
import B8 from "../B8/case.mjs";
import B9 from "../B9/case.mjs";
import B10 from "../B10/case.mjs";
export default {
  id: "B6-aftermath",
  title: "requests after an uninterruptible built-in keep their effects",
  timeoutMs: 60000,
  async run({ expect, writeSite, startServer }) {
    const s = await startServer(writeSite({ pages: { "b6.ef": B6_PAGE, ...B8.pages, ...B9.pages, ...B10.pages, "big50.ef": `<script scope="backend">\ntry { setVariable('big', 'x'.repeat(50 * 1024 * 1024)); } catch (e) { setVariable('e', e.name); }\n</script>\n<p>{{ var.e }}</p>\n` } }, { id: "b6-aftermath", crm: { entities: B9.crmEntities } }));
    try {
      const inject = (url) => s.server.fastify.inject({ url });
      // The sequence that preceded the abort in the shared suite: B6, then B8, B9, B10 on the same children.
      const b6 = inject("/b6");
      await inject("/healthy?n=0");
      await b6;
      for (const u of ["/big50", "/b8-caps", "/b9", "/b10", "/big50"]) await inject(u);
      const crashesBefore = s.server.runtime().pool.stats().crashes;
      const failures = [];
      const end = Date.now() + 12000;
      for (let n = 0; Date.now() < end; n += 2) {
        const rs = await Promise.all([inject(`/healthy?n=${n}`), inject(`/healthy?n=${n + 1}`)]);
        rs.forEach((r, k) => { if (!r.body.includes(`<p>ok ${n + k + 1}</p>`)) failures.push(`${r.statusCode} ${r.body.trim()}`); });
        await new Promise((r) => setTimeout(r, 50));
      }
      const crashesAfter = s.server.runtime().pool.stats().crashes;
      // A child that aborts after the hostile request was answered may take any innocent request with it.
      expect(crashesAfter - crashesBefore).toBe(0);
      expect(failures).toEqual([]);
    } finally {
      await s.stop();
    }
  },
};
