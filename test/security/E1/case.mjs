const page = `<script scope="backend">
try { redirect(request.query.to); } catch (e) { response.json({ blocked: e.name + ': ' + e.message }); }
</script>
`;
const refused = ["javascript:alert(1)", "data:text/html,x", "//evil.com", "///evil.com", "/\\evil.com", "\\/evil.com", "\\\\evil.com", "https:evil.com", "http://good.com@evil.com", " /path", "/path ", "\x01/path", "/pa\nth", "/pa\rth", "ht\ttps://evil.com", "java\nscript:alert(1)", "/x\r\nSet-Cookie: a=1", "/\x7f", "https://", "http://:80/", "ftp://evil.com/", "HTTPS://user:pw@evil.com/"];
const allowed = ["/path?x=1", "https://example.com/", "HTTP://example.com/a#b", "/a/b%20c"];
export default {
  id: "E1",
  title: "redirect targets are validated",
  pages: { "e1.ef": page },
  compile: [{ name: "literal protocol-relative", pages: { "p.ef": `<script scope="backend">\nredirect('//evil.com');\n</script>\n` }, codes: ["PC3020"] }],
  requests: [
    ...refused.map((to) => ({ name: JSON.stringify(to), url: `/e1?to=${encodeURIComponent(to)}`, status: 200, json: { blocked: "TypeError: redirect: URL not allowed" }, check(res, expect) { expect(res.headers.location).toBeUndefined(); expect(res.headers["set-cookie"]).toBeUndefined(); } })),
    ...allowed.map((to) => ({ name: to, url: `/e1?to=${encodeURIComponent(to)}`, status: 302, check(res, expect) { expect(res.headers.location).toBe(to); } })),
  ],
};
