const page = `<script scope="backend">
const errors = [];
const results = {};
function attempt(name, fn) {
  try { results[name] = JSON.stringify(fn()) ?? 'undefined'; }
  catch (e) { errors.push({ name, realm: e instanceof Error, ctor: e && e.constructor && e.constructor.name, message: String(e && e.message), stack: String(e && e.stack) }); }
}
const slug = ['no', 'such', 'entity'].join('-');
attempt('unknownEntity', () => getCrmField({ slug, fieldKey: 'f' }));
attempt('badField', () => getCrmField({ slug: 'a4-entity', fieldKey: ['bad key!'][0] }));
attempt('bigValue', () => setCrmField({ slug: 'a4-entity', fieldKey: 'f', value: 'x'.repeat(20000) }));
attempt('bigVariable', () => setVariable('v', 'x'.repeat(1100000)));
attempt('status', () => response.status([1000][0]));
attempt('flood', () => { for (let i = 0; i < 1100; i++) getCrmField({ slug: 'a4-entity', fieldKey: 'f' }); });
response.json({ errors, results });
</script>
`;
export default {
  id: "A4",
  title: "host failures reach the script as curated isolate-realm errors",
  crmEntities: [{ slug: "a4-entity", fields: ["f"] }],
  pages: { "a4.ef": page },
  requests: [{
    url: "/a4", status: 200,
    check(res, expect) {
      const { errors } = res.json();
      expect(errors.map((e) => e.name)).toEqual(expect.arrayContaining(["bigVariable", "status", "flood"]));
      for (const e of errors) {
        expect(e.realm, e.name).toBe(true);
        expect(e.message + e.stack, e.name).not.toMatch(/\/work\/|node_modules|node:|SELECT|SQLITE|better-sqlite|\/runtime\/|\.ts:/i);
      }
    },
  }],
};
