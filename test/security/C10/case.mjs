import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "../../../runtime/index.js";
const entities = [{ slug: "shared", fields: ["f"] }];
const writer = `<script scope="backend">\nresponse.json({ ok: setCrmField({ slug: 'shared', referenceId: 'victim', fieldKey: 'f', value: 'A-secret' }) });\n</script>\n`;
const reader = `<script scope="backend">
const out = {};
const t = (k, f) => { try { out[k] = f(); } catch (e) { out[k] = e.name; } };
t('plain', () => getCrmField({ slug: 'shared', referenceId: 'victim', fieldKey: 'f' }));
t('alias', () => getCrmField({ crm_entity_slug: 'shared', reference_id: 'victim', field_key: 'f' }));
t('entries', () => getCrmEntries({ slug: 'shared', referenceId: 'victim' }).length);
t('prefixed', () => getCrmField({ slug: ['crm-a', 'shared'].join('/'), referenceId: 'victim', fieldKey: 'f' }));
response.json(out);
</script>
`;
export default {
  id: "C10",
  title: "CRM calls are scoped to the site",
  timeoutMs: 40000,
  async run({ writeSite, expect }) {
    const dbDir = mkdtempSync(join(tmpdir(), "pagec-c10-"));
    const db = join(dbDir, "shared.sqlite");
    const a = await createServer({ site: writeSite({ pages: { "index.ef": writer } }, { id: "crm-a", crm: { entities } }), db, port: 0, isolates: 1, logger: false });
    const b = await createServer({ site: writeSite({ pages: { "index.ef": reader } }, { id: "crm-b", crm: { entities } }), db, port: 0, isolates: 1, logger: false });
    try {
      expect((await a.fastify.inject({ url: "/" })).json()).toEqual({ ok: true });
      const out = (await b.fastify.inject({ url: "/" })).json();
      expect(out.plain).toBeNull();
      expect(out.alias).toBeNull();
      expect(out.entries).toBe(0);
      expect(out.prefixed === null || out.prefixed === "TypeError").toBe(true);
      const conn = new Database(db, { readonly: true });
      const rows = conn.prepare("SELECT site FROM pagec_crm_entries WHERE entity = 'shared'").all();
      conn.close();
      expect(rows.map((r) => r.site)).toEqual(["crm-a"]);
    } finally {
      await a.close();
      await b.close();
      rmSync(dbDir, { recursive: true, force: true });
    }
  },
};
