export default {
  id: "C6",
  title: "email/url validation is linear",
  pages: { "c6.ef": `<script scope="backend">
const n = 100000;
const inputs = ['<'.repeat(n), ' '.repeat(n) + '@', '"' + 'a'.repeat(n), 'a@' + 'a.'.repeat(n / 2), 'http://' + 'a'.repeat(n), 'a'.repeat(n) + '@' + 'b'.repeat(n)];
const times = [];
for (const s of inputs) for (const v of [Schema.string().email(), Schema.string().url()]) {
  const t0 = Date.now(); v.validate(s); times.push(Date.now() - t0);
}
response.json({ max: Math.max(...times), count: times.length });
</script>
` },
  requests: [{ url: "/c6", status: 200, check(res, expect) { const o = res.json(); expect(o.count).toBe(12); expect(o.max).toBeLessThan(50); } }],
};
