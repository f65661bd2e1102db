const page = (tpl) => ({ "p.ef": `<p>${tpl}</p>\n` });
export default {
  id: "D8",
  title: "raw on request data is PC1063",
  compile: [
    { name: "request.query", pages: page("{{ request.query.x | raw }}"), codes: ["PC1063"] },
    { name: "query", pages: page("{{ query.x | raw }}"), codes: ["PC1063"] },
    { name: "request.body", pages: page("{{ request.body.note | raw }}"), codes: ["PC1063"] },
  ],
};
