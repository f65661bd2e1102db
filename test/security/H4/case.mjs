export default {
  id: "H4",
  title: "execution log entries are attributed and scrubbed",
  pages: { "h4.ef": `<script scope="backend">
try { getCrmField({ slug: ['no', 'such'].join('-'), fieldKey: 'f' }); } catch (e) { console.error(e); }
console.log(new Error('logged error'));
function inner() { throw new TypeError('h4 boom'); }
inner();
</script>
<p>h4</p>
` },
  async run({ inject, expect }) {
    const res = await inject({ url: "/h4" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<p>h4</p>");
    const log = (await inject({ url: `/__pagec/logs/${res.headers["x-pagec-request-id"]}` })).json();
    const err = log.entries.find((e) => e.text.includes("h4 boom"));
    expect(err).toBeDefined();
    expect(err.file).toBe("pages/h4.ef");
    expect(err.line).toBe(4); // the throw inside inner(), the top frame
    for (const e of log.entries) expect(JSON.stringify(e)).not.toMatch(/\/work\/|node_modules|build\/runtime|node:|SELECT|sqlite|__pagec|prelude/i);
  },
};
