const q = (s) => encodeURIComponent(s);
export default {
  id: "D2",
  title: "quoted attributes hold; unquoted is PC1060",
  pages: { "d2.ef": `<a title="{{ request.query.x }}">1</a><a title='{{ request.query.x }}'>2</a>\n` },
  compile: [{ name: "unquoted", pages: { "p.ef": `<div class={{ request.query.x }}>x</div>\n` }, codes: ["PC1060"] }],
  requests: [
    { url: `/d2?x=${q('" onmouseover="alert(1)')}`, status: 200, includes: ['<a title="&quot; onmouseover=&quot;alert(1)">1</a>'], excludes: ['" onmouseover="'] },
    { url: `/d2?x=${q("' onmouseover='alert(1)")}`, status: 200, includes: ["<a title='&#39; onmouseover=&#39;alert(1)'>2</a>"], excludes: ["' onmouseover='"] },
  ],
};
