export default {
  id: "B8",
  title: "variable, header, cookie and output caps",
  pages: {
    "b8-caps.ef": `<script scope="backend">
const out = {};
try { setVariable('big', 'x'.repeat(5 * 1024 * 1024)); out.big = 'stored'; } catch (e) { out.big = e.name; }
let h = 0; for (let i = 0; i < 200; i++) if (setHeader('X-H' + i, 'v') === true) h++;
let c = 0; for (let i = 0; i < 200; i++) if (cookie.set('c' + i, 'v') === true) c++;
out.headers = h; out.cookies = c;
response.json(out);
</script>
`,
    "b8-output.ef": `<script scope="backend">\nsetVariable('big', 'y'.repeat(900000));\n</script>\n@foreach(i in [1,2,3,4,5,6,7,8,9,10,11,12])<p>{{ var.big }}</p>@endforeach\n`,
  },
  requests: [
    { url: "/b8-caps", status: 200, check(res, expect) {
      const out = res.json();
      expect(out.big).toBe("TypeError");
      expect(out.headers).toBe(50);
      expect(out.cookies).toBe(50);
      expect(Object.keys(res.headers).filter((k) => k.startsWith("x-h")).length).toBe(50);
    } },
    { url: "/b8-output", status: 500, check(res, expect) { expect(res.body.length).toBeLessThan(100000); } },
  ],
  timeoutMs: 30000,
};
