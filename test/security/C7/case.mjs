export default {
  id: "C7",
  title: "ReDoS in Schema.pattern is cut by the CPU budget, off the host loop",
  pages: { "c7.ef": `<script scope="backend">
setVariable('before', 'c7');
const make = (src) => new RegExp(src);
const re = make(['^(a|a)*$'][0]);
const base = [Schema.string()][0];
const r = base.pattern(re).validate('a'.repeat(31) + '!');
setVariable('valid', r.valid);
</script>
<p>{{ var.before }}|{{ var.valid }}</p>
` },
  compile: [{ name: "literal slow regex", pages: { "p.ef": `<script scope="backend">\nconst S = Schema.string().pattern(/^(a+)+$/);\nsetVariable('ok', S.validate('a').valid);\n</script>\n<p>x</p>\n` }, codes: ["PC3033"] }],
  async run({ inject, expect }) {
    const t0 = Date.now();
    const redos = inject({ url: "/c7" });
    await new Promise((r) => setTimeout(r, 50));
    const h0 = Date.now();
    const healthy = await inject({ url: "/healthy?n=7" });
    expect(healthy.statusCode).toBe(200);
    expect(Date.now() - h0).toBeLessThan(1000);
    const res = await redos;
    expect(res.statusCode).toBe(200);
    expect(res.body.trim()).toBe("<p>c7|</p>");
    expect(Date.now() - t0).toBeLessThan(5000);
  },
};
