const page = (src) => ({ "p.ef": `<script scope="backend">\n${src}\n</script>\n<p>x</p>\n` });
export default {
  id: "G5",
  title: "missing sandbox globals are PC3007",
  compile: ["process.exit(1);", "require('fs');", "await fetch('http://x');", "Buffer.from('a');", "global.x = 1;", "setTimeout(() => 1, 1);", "window.x = 1;", "someUnknownThing();"]
    .map((src) => ({ name: src, pages: page(src), codes: ["PC3007"] })),
};
