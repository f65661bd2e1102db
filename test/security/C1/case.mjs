const page = (tpl) => ({ "p.ef": `<script scope="backend">\nsetVariable('x', { a: 1 });\n</script>\n<p>${tpl}</p>\n` });
export default {
  id: "C1",
  title: "reserved variable keys and prototype access in templates",
  pages: { "c1.ef": `<script scope="backend">
const out = Object.create(null);
for (const k of ['__pro' + 'to__', 'constr' + 'uctor', 'proto' + 'type']) {
  try { setVariable(k, { isAdmin: true }); out[k] = 'stored'; } catch (e) { out[k] = e.name; }
}
setVariable('toString', 'ts-value');
setVariable('a.b', 'dotted');
setVariable('a[b]', 'bracketed');
setVariable('out', out);
</script>
<p>{{ var.toString }}|{{ var['a.b'] }}|{{ var['a[b]'] }}|{{ var.isAdmin }}|{{ var.out | json | raw }}</p>
` },
  compile: [
    { name: "var.constructor", pages: page("{{ var.constructor }}"), codes: ["PC2006"] },
    { name: "var.x.__proto__", pages: page("{{ var.x.__proto__ }}"), codes: ["PC2006"] },
    { name: "constructor chain", pages: page("{{ var.x.constructor.constructor }}"), codes: ["PC2006"] },
    { name: "bracket __proto__", pages: page("{{ var['__proto__'] }}"), codes: ["PC2006"] },
    { name: "literal key", pages: { "p.ef": `<script scope="backend">\nsetVariable('__proto__', { isAdmin: true });\n</script>\n<p>x</p>\n` }, codes: ["PC3030"] },
  ],
  requests: [{
    url: "/c1", status: 200,
    includes: ['<p>ts-value|dotted|bracketed||{"__proto__":"TypeError","constructor":"TypeError","prototype":"TypeError"}</p>'],
  }],
};
