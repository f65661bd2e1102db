export default {
  id: "D6",
  title: "comments cannot be closed by data",
  pages: { "d6.ef": `<!-- {{ request.query.x }} -->\n<p>after</p>\n` },
  requests: ["--><script>alert(1)</script>", "--!><img src=x onerror=alert(1)>", "<!-- nested"].map((x) => ({
    url: `/d6?x=${encodeURIComponent(x)}`, status: 200,
    check(res, expect) {
      expect(res.body.indexOf("-->")).toBe(res.body.lastIndexOf("-->"));
      expect(res.body).not.toMatch(/<script|<img|--!>/);
      expect(res.body).toContain("<p>after</p>");
    },
  })),
};
