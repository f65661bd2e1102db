const x = `{{ 7*7 }} @if(true)X@endif [[ x ]] v-if="false" << 1+1 >> {{-- c --}} @component("nav")`;
export default {
  id: "D9",
  title: "no second template pass over data",
  pages: { "d9.ef": `<script scope="backend">\nsetVariable('x', request.query.x);\n</script>\n<p>{{ var.x }}</p><p>{{ request.query.x }}</p>\n` },
  requests: [{
    url: `/d9?x=${encodeURIComponent(x)}`, status: 200,
    check(res, expect) {
      const esc = x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
      expect(res.body).toContain(`<p>${esc}</p><p>${esc}</p>`);
      expect(res.body).not.toContain("49");
    },
  }],
};
