const page = `<script scope="backend">
const raw = request.query.code;
const code = raw === 'str' ? '302' : raw === 'nan' ? NaN : Number(raw);
try { redirect('/ok', code); } catch (e) { response.json({ blocked: e.name + ': ' + e.message }); }
</script>
`;
export default {
  id: "E2",
  title: "redirect status codes are validated",
  pages: { "e2.ef": page },
  compile: [{ name: "literal 200", pages: { "p.ef": `<script scope="backend">\nredirect('/x', 200);\n</script>\n` }, codes: ["PC3021"] }],
  requests: [
    ...["200", "304", "300", "399", "1.5", "str", "nan"].map((c) => ({ name: c, url: `/e2?code=${c}`, status: 200, json: { blocked: "TypeError: redirect: status not allowed" }, check(res, expect) { expect(res.headers.location).toBeUndefined(); } })),
    ...[301, 302, 303, 307, 308].map((c) => ({ name: String(c), url: `/e2?code=${c}`, status: c, check(res, expect) { expect(res.headers.location).toBe("/ok"); } })),
  ],
};
