export default {
  id: "B6",
  title: "uninterruptible built-in is ended by the watchdog",
  pages: { "b6.ef": `<script scope="backend">
setVariable('before', 'b6-before');
const big = BigInt('1'.repeat(1e7));
setVariable('after', String(big % 10n));
</script>
<p>{{ var.before }}|{{ var.after }}</p>
` },
  timeoutMs: 60000,
  async run({ inject, expect }) {
    const t0 = Date.now();
    const hog = inject({ url: "/b6" });
    const healthy = await inject({ url: "/healthy?n=6" });
    expect(healthy.statusCode).toBe(200);
    const res = await hog;
    const took = Date.now() - t0;
    expect([200, 500]).toContain(res.statusCode);
    if (res.statusCode === 200) expect(res.body.trim()).toBe("<p>b6-before|</p>");
    expect(res.body).not.toContain("BigInt");
    expect(took).toBeLessThan(9000);
  },
};
