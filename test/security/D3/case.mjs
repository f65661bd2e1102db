const attrs = ["href", "src", "action", "formaction", "xlink:href", "poster", "ping"];
const tpl = attrs.map((a) => `<x-el ${a}="{{ request.query.u }}"></x-el>`).join("\n");
const blocked = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "\x01javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "JAVASCRIPT&colon;alert(1)"];
const allowed = [["https://example.com/a?b=1", "https://example.com/a?b=1"], ["mailto:a@b.c", "mailto:a@b.c"], ["tel:+123", "tel:+123"], ["/path?a=1&b=2", "/path?a=1&amp;b=2"], ["page#x:y", "page#x:y"]];
export default {
  id: "D3",
  title: "dangerous URL schemes are neutralised",
  pages: { "d3.ef": tpl + "\n" },
  requests: [
    ...blocked.map((u) => ({
      name: JSON.stringify(u), url: `/d3?u=${encodeURIComponent(u)}`, status: 200,
      check(res, expect) {
        for (const a of attrs) expect(res.body, `${a} ${JSON.stringify(u)}`).toContain(`${a}="about:blank#blocked"`);
        expect(res.body.toLowerCase()).not.toMatch(/(java|vb)\s*script|data:/);
      },
    })),
    ...allowed.map(([u, out]) => ({
      name: u, url: `/d3?u=${encodeURIComponent(u)}`, status: 200,
      check(res, expect) { for (const a of attrs) expect(res.body).toContain(`${a}="${out}"`); },
    })),
  ],
};
