export default {
  id: "C5",
  title: "Schema reads own properties only",
  pages: { "c5.ef": `<script scope="backend">
const S = Schema.object({ name: Schema.string().required(), role: Schema.string() });
const r1 = S.validate(JSON.parse('{"__proto__":{"role":"admin"},"name":"x"}'));
const r2 = S.validate(Object.create({ name: 'x' }));
const r3 = S.validate(request.body);
response.json({
  r1: { valid: r1.valid, role: r1.value && r1.value.role, keys: Object.keys(r1.value || {}), protoRole: r1.value ? typeof Object.getPrototypeOf(r1.value)?.role : 'n/a' },
  r2: { valid: r2.valid },
  r3: { valid: r3.valid, keys: Object.keys(r3.value || {}) },
  polluted: typeof ({}).role + typeof ({}).isAdmin,
});
</script>
` },
  requests: [{
    method: "POST", url: "/c5", headers: { "content-type": "application/json" },
    payload: '{"name":"y","constructor":{"prototype":{"isAdmin":true}},"__proto__":{"role":"admin"}}',
    status: 200,
    check(res, expect) {
      const out = res.json();
      expect(out.r1.valid).toBe(true);
      expect(out.r1.role).toBeUndefined();
      expect(out.r1.keys).toEqual(["name"]);
      expect(out.r1.protoRole).toBe("undefined");
      expect(out.r2.valid).toBe(false);
      expect(out.r3.valid).toBe(true);
      expect(out.r3.keys).toEqual(["name"]);
      expect(out.polluted).toBe("undefinedundefined");
    },
  }],
};
