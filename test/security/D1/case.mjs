const q = (s) => encodeURIComponent(s);
export default {
  id: "D1",
  title: "text interpolation escapes once",
  pages: { "d1.ef": `<script scope="backend">\nsetVariable('x', request.query.x);\n</script>\n<p>{{ var.x }}</p><p>{{ request.query.x }}</p>\n` },
  requests: [
    { url: `/d1?x=${q("<script>alert(1)</script>")}`, status: 200, includes: ["<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"], excludes: ["<script>"] },
    { url: `/d1?x=${q("<img src=x onerror=alert(1)>")}`, status: 200, includes: ["<p>&lt;img src=x onerror=alert(1)&gt;</p>"], excludes: ["<img"] },
    { url: `/d1?x=${q("&lt;\"'")}`, status: 200, includes: ["<p>&amp;lt;&quot;&#39;</p>"] },
  ],
};
