export default {
  id: "E4",
  title: "response.status and redirect status are validated (E2, E4)",
  pages: { "e4.ef": `<script scope="backend">
const out = [];
for (const v of ['200\\r\\nX: y', 0, 99, 600, 1.5, NaN, '200', Infinity, -200, null]) {
  try { response.status(v); out.push('accepted'); } catch (e) { out.push(e.name); }
}
for (const v of [200, 304, '302', 302.5, 0]) {
  try { redirect('/x', v); out.push('accepted'); } catch (e) { out.push(e.name + ': ' + e.message); }
}
response.json(out);
</script>
` },
  requests: [{
    url: "/e4", status: 200,
    check(res, expect) {
      expect(res.json()).toEqual([...Array(10).fill("TypeError"), ...Array(5).fill("TypeError: redirect: status not allowed")]);
      expect(res.headers.x).toBeUndefined();
      expect(res.headers.location).toBeUndefined();
    },
  }],
};
