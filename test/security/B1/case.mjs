export default {
  id: "B1",
  title: "infinite loop cut by the CPU budget; page renders with earlier effects",
  pages: { "b1.ef": `<script scope="backend">
setVariable('before', 'set-before-loop');
response.status(203);
while (true) {}
</script>
<p>{{ var.before }}</p>
` },
  async run({ inject, expect }) {
    const t0 = Date.now();
    const hog = inject({ url: "/b1" });
    const healthy = await inject({ url: "/healthy?n=1" });
    expect(healthy.statusCode).toBe(200);
    const res = await hog;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.statusCode).toBe(203);
    expect(res.body.trim()).toBe("<p>set-before-loop</p>");
  },
};
