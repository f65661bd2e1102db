// Runs on its own server: the uninterruptible built-in keeps a thread busy in the sandbox child after the
// request is answered (see B6-aftermath), which must not disturb the shared server's other cases.
export const B6_PAGE = `<script scope="backend">
setVariable('before', 'b6-before');
const big = BigInt('1'.repeat(1e7));
setVariable('after', String(big % 10n));
</script>
<p>{{ var.before }}|{{ var.after }}</p>
`;
export default {
  id: "B6",
  title: "uninterruptible built-in: the request is answered, the host stays alive",
  timeoutMs: 60000,
  async run({ expect, writeSite, startServer }) {
    const s = await startServer(writeSite({ pages: { "b6.ef": B6_PAGE } }, { id: "b6" }));
    try {
      const inject = (url) => s.server.fastify.inject({ url });
      const t0 = Date.now();
      const hog = inject("/b6");
      const healthy = await inject("/healthy?n=6");
      expect(healthy.statusCode).toBe(200);
      const res = await hog;
      expect([200, 500]).toContain(res.statusCode);
      if (res.statusCode === 200) expect(res.body.trim()).toBe("<p>b6-before|</p>");
      expect(res.body).not.toContain("BigInt");
      expect(Date.now() - t0).toBeLessThan(9000);
      expect((await inject("/healthy?n=1")).body).toContain("<p>ok 2</p>");
    } finally {
      await s.stop();
    }
  },
};
