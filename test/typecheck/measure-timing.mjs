// Cold/warm timing of the type checker on a generated 50 KB page. Run after `node scripts/build.mjs`:
//   node --no-node-snapshot test/typecheck/measure-timing.mjs
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeSite } from "../../build/compiler/compile.js";
import { createTypeChecker } from "../../build/compiler/analyze/typecheck/index.js";
const root = mkdtempSync(join(tmpdir(), "tc-timing-"));
mkdirSync(join(root, "pages")); mkdirSync(join(root, "scripts"));
writeFileSync(join(root, "scripts/v.js"), "export const Age = Schema.number().min(0);\nexport function fmt(n) { return '$' + Number(n).toFixed(2); }\n");
let script = `import { Age, fmt } from "v";\n`;
let i = 0;
while (script.length < 40000) {
  script += `const r${i} = Age.validate(request.body && request.body.age${i});\nif (!r${i}.valid) { setVariable('err${i}', r${i}.errors.join(', ')); }\nsetVariable('price${i}', fmt(${i} * 1.5));\nconst q${i} = request.query['k${i}'];\n`;
  i++;
}
let html = "";
while ((script.length + html.length) < 51200) html += `<p>{{ var.price${i % 50} | upper }} and {{ var.err${i++ % 50} }}</p>\n`;
const page = `<script scope="backend">\n${script}</script>\n${html}`;
writeFileSync(join(root, "pages/big.ef"), page);
writeFileSync(join(root, "pages/small.ef"), `<script scope="backend">\nconst m = request.method;\n</script>\n`);
console.log("page bytes", page.length);
const tc = createTypeChecker();
const time = (label, overlays) => {
  const a = analyzeSite(root, { emit: false, overlays });
  const t = performance.now(); const d = tc.check(a); const ms = performance.now() - t;
  console.log(label, ms.toFixed(1), "ms; rechecked", tc.lastChecked, "diags", d.length, d.slice(0,2).map(x=>x.message));
};
time("cold");
time("warm, nothing changed");
time("warm, big page edited", { "pages/big.ef": page.replace("const q0 =", "const qq0 =") });
time("warm, big page edited again", { "pages/big.ef": page.replace("const q1 =", "const qq1 =") });
time("warm, other page edited", { "pages/big.ef": page.replace("const q1 =", "const qq1 ="), "pages/small.ef": "<script scope=\"backend\">\nconst m = request.methd;\n</script>\n" });
