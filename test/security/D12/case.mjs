const strictUtf8 = (buf) => new TextDecoder("utf-8", { fatal: true }).decode(buf);
export default {
  id: "D12",
  title: "malformed Unicode gives well-formed UTF-8",
  pages: {
    "d12.ef": `<script scope="backend">\nsetVariable('s', 'a\\uD800b\\uDFFFc\\u0000d');\n</script>\n<p>{{ var.s }}|{{ request.query.q }}</p>\n`,
    "d12-json.ef": `<script scope="backend">\nresponse.json({ s: 'a\\uD800b', q: request.query.q });\n</script>\n`,
    "d12-send.ef": `<script scope="backend">\nresponse.send('x\\uDC00y' + request.query.q);\n</script>\n`,
  },
  requests: ["/d12", "/d12-json", "/d12-send"].flatMap((p) => ["%C0%AF", "%ED%A0%80", "%FF", "%F0%9F%98%80"].map((q) => ({
    url: `${p}?q=${q}`, status: 200,
    check(res, expect) {
      const text = strictUtf8(res.rawPayload);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      if (p === "/d12") expect(text).toContain("a\uFFFDb\uFFFDc");
    },
  }))),
};
