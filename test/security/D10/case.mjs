const page = (tpl) => ({ "p.ef": `<script scope="backend">\nsetVariable('x', { a: 1 });\n</script>\n${tpl}\n` });
export default {
  id: "D10",
  title: "constructor / __proto__ access in template expressions",
  pages: { "d10.ef": `<script scope="backend">\nsetVariable('x', { a: 'A' });\n</script>\n<p>[{{ var.x[request.query.k] }}][{{ var.x[request.query.k][request.query.k] }}][{{ request.query[request.query.k] }}]</p>\n` },
  compile: [
    { name: "string constructor chain", pages: page(`{{ ''.constructor.constructor('return process')() }}`), codes: ["PC2006"] },
    { name: "bracket constructor", pages: page(`{{ var.x['constructor'] }}`), codes: ["PC2006"] },
    { name: "__lookupGetter__", pages: page(`{{ var.x.__lookupGetter__ }}`), codes: ["PC2006"] },
    { name: "__defineSetter__", pages: page(`{{ var.x.__defineSetter__ }}`), codes: ["PC2006"] },
    { name: "prototype", pages: page(`{{ var.x.prototype }}`), codes: ["PC2006"] },
  ],
  requests: ["constructor", "__proto__", "prototype", "toString", "__lookupGetter__", "valueOf"].map((k) => ({
    name: k, url: `/d10?k=${k}`, status: 200, includes: ["<p>[][][]</p>"],
  })),
};
