const page = (src) => ({ "p.ef": `<script scope="backend">\n${src}\n</script>\n<p>x</p>\n` });
export default {
  id: "G6",
  title: "nested quantifiers are PC3033",
  compile: [
    { name: "Schema.pattern", pages: page(`setVariable('ok', Schema.string().pattern(/^(a+)+$/).validate('a').valid);`), codes: ["PC3033"] },
    { name: "Schema.pattern, star of star", pages: page(`setVariable('ok', Schema.string().pattern(/(\\w*)*x/).validate('a').valid);`), codes: ["PC3033"] },
    { name: "Schema.pattern, nested group", pages: page(`setVariable('ok', Schema.string().pattern(/^([a-z]+\\d*)+$/).validate('a').valid);`), codes: ["PC3033"] },
  ],
};
