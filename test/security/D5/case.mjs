const x = "</script><script>alert(1)</script></style></textarea></title>\u2028\u2029&";
export default {
  id: "D5",
  title: "raw-text contexts cannot be closed by data",
  pages: { "d5.ef": `<script scope="backend">\nsetVariable('x', request.query.x);\n</script>
<title>{{ var.x }}</title>
<textarea>{{ var.x }}</textarea>
<style>/* {{ var.x | json | raw }} */</style>
<script>var a = {{ var.x | json | raw }};</script>
` },
  compile: [{ name: "script without json", pages: { "p.ef": `<script>var a = "{{ request.query.x }}";</script>\n` }, codes: ["PC1062"] }],
  requests: [{
    url: `/d5?x=${encodeURIComponent(x)}`, status: 200,
    check(res, expect) {
      const b = res.body;
      expect(b.match(/<\/script>/g)).toHaveLength(1);
      expect(b.match(/<\/style>/g)).toHaveLength(1);
      expect(b.match(/<\/textarea>/g)).toHaveLength(1);
      expect(b.match(/<\/title>/g)).toHaveLength(1);
      expect(b).not.toContain("<script>alert");
      const js = b.slice(b.indexOf("<script>var a = ") + 16, b.indexOf(";</script>"));
      expect(js).not.toMatch(/[\u2028\u2029<>&]/);
      expect(JSON.parse(js)).toBe(x);
    },
  }],
};
