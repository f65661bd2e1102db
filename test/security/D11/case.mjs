export default {
  id: "D11",
  title: "nl2br escapes before it transforms",
  pages: { "d11.ef": `<p>{{ request.query.x | nl2br | raw }}</p>\n` },
  requests: [{
    url: `/d11?x=${encodeURIComponent("<b>bold</b>\n<script>x</script>")}`, status: 200,
    check(res, expect) {
      expect(res.body).toMatch(/<p>&lt;b&gt;bold&lt;\/b&gt;<br ?\/?>\n?&lt;script&gt;x&lt;\/script&gt;<\/p>/);
      expect(res.body).not.toMatch(/<b>|<script>/);
    },
  }],
};
