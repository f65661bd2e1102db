export default {
  id: "B9",
  title: "console and CRM call floods are capped",
  crmEntities: [{ slug: "b9-entity", fields: ["f"] }],
  pages: { "b9.ef": `<script scope="backend">
const long = 'z'.repeat(10000);
for (let i = 0; i < 300; i++) console.log(long);
let calls = 0, err = null;
try { for (let i = 0; i < 1100; i++) { getCrmField({ slug: 'b9-entity', referenceId: 'r', fieldKey: 'f' }); calls++; } } catch (e) { err = e.message; }
response.json({ calls, err });
</script>
` },
  async run({ inject, expect }) {
    const res = await inject({ url: "/b9" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ calls: 1000, err: "pagec: too many CRM calls" });
    const logs = (await inject({ url: "/__pagec/logs" })).json();
    const entry = logs.find((l) => l.path === "/b9");
    expect(entry.entries.length).toBeLessThanOrEqual(201);
    expect(entry.entries.at(-1).text).toBe("log limit reached");
    for (const e of entry.entries) expect(e.text.length).toBeLessThanOrEqual(8192);
  },
  timeoutMs: 30000,
};
