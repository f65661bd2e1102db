import { checkSource } from "../../../compiler/index.js";
const inputs = [
  "{{".repeat(5000), "@".repeat(20000), "@if(".repeat(3000), "<".repeat(20000), "-".repeat(20000) + "}}", "'\"".repeat(10000),
  "{{ " + "(".repeat(5000) + " }}", "<script scope=\"backend\">" + "/".repeat(20000), "<a href=\"{{ x }}\"".repeat(2000),
  "{{--".repeat(5000), "[[".repeat(5000), "<< ".repeat(5000), "@foreach(x in y)".repeat(2000), "<!--".repeat(5000) + "{{ x }}",
];
export default {
  id: "G1",
  title: "pathological inputs: no throw, bounded time, ranges inside the file",
  timeoutMs: 60000,
  async run({ expect, writeSite }) {
    const site = writeSite({}, { id: "g1" });
    for (const text of inputs) {
      const t0 = Date.now();
      const diags = await checkSource(text, { path: "pages/fuzz.ef", siteDir: site });
      expect(Date.now() - t0, text.slice(0, 30)).toBeLessThan(2000);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of diags) {
        for (const p of [d.range.start, d.range.end]) {
          expect(p.line, d.code).toBeLessThan(lines.length);
          expect(p.character, d.code).toBeLessThanOrEqual(lines[p.line].length);
        }
      }
    }
  },
};
