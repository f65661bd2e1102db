import Database from "better-sqlite3";
export default {
  id: "B12",
  title: "dispose while host calls are in flight",
  crmEntities: [{ slug: "b12-entity", fields: ["n"] }],
  pages: {
    "b12-cpu.ef": `<script scope="backend">
setVariable('before', 'b12');
for (let i = 0; ; i++) {
  setCrmField({ slug: 'b12-entity', referenceId: 'b12-' + i, fieldKey: 'n', value: i });
  const t = Date.now(); while (Date.now() - t < 5) {}
}
</script>
<p>{{ var.before }}</p>
`,
    "b12-wall.ef": `<script scope="backend">
setVariable('before', 'b12w');
for (;;) await session.getToken(60);
</script>
<p>{{ var.before }}</p>
`,
  },
  async run({ inject, expect, db }) {
    const cpu = await inject({ url: "/b12-cpu" });
    expect(cpu.statusCode).toBe(200);
    expect(cpu.body.trim()).toBe("<p>b12</p>");
    const conn = new Database(db, { readonly: true });
    const n = conn.prepare("SELECT COUNT(*) AS n FROM pagec_crm_entries WHERE entity = 'b12-entity'").get().n;
    conn.close();
    expect(n).toBeGreaterThan(3);
    const t0 = Date.now();
    const wall = await inject({ url: "/b12-wall" });
    expect(wall.statusCode).toBe(200);
    expect(wall.body.trim()).toBe("<p>b12w</p>");
    expect(Date.now() - t0).toBeLessThan(5000);
  },
};
