export default {
  id: "C11",
  title: "error positions map to the original block, module and line",
  pages: {
    "c11.ef": `<script scope="backend">
setVariable('a', 1);
</script>
<p>between</p>
<p>{{ var.a }}</p>
<script scope="backend">
setVariable('b', 2);
const x = 1;
throw new RangeError('c11 second block');
</script>
`,
    "c11-mod.ef": `<script scope="backend">\nimport { boom } from "c11-mod";\nboom();\n</script>\n<p>mod</p>\n`,
  },
  scripts: { "c11-mod.js": "export function boom() {\n  const y = 2;\n  throw new Error('c11 module');\n}\n" },
  async run({ inject, expect }) {
    const entry = async (url, text) => {
      const res = await inject({ url });
      expect(res.statusCode).toBe(200);
      const log = (await inject({ url: `/__pagec/logs/${res.headers["x-pagec-request-id"]}` })).json();
      return log.entries.find((e) => e.text.includes(text));
    };
    expect(await entry("/c11", "c11 second block")).toMatchObject({ file: "pages/c11.ef", line: 9 });
    expect(await entry("/c11-mod", "c11 module")).toMatchObject({ file: "scripts/c11-mod.js", line: 3 });
  },
};
