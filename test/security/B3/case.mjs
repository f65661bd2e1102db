export default {
  id: "B3",
  title: "never-settling await is cut by the host wall-clock timer",
  pages: { "b3.ef": `<script scope="backend">
setVariable('before', 'waited');
await new Promise(() => {});
setVariable('after', 'never');
</script>
<p>{{ var.before }}|{{ var.after }}</p>
` },
  async run({ inject, expect }) {
    const t0 = Date.now();
    const res = await inject({ url: "/b3" });
    const took = Date.now() - t0;
    expect(res.statusCode).toBe(200);
    expect(res.body.trim()).toBe("<p>waited|</p>");
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(5000);
  },
};
