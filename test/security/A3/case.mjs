const page = `<script scope="backend">
const out = {};
let getterRuns = 0;
function attempt(name, fn) { try { const r = fn(); out[name] = r === undefined ? 'ok' : String(r); } catch (e) { out[name] = 'threw:' + (e && e.name); } }
attempt('getter', () => setVariable('g', { get a() { getterRuns++; return 1; } }));
attempt('proxy', () => setVariable('p', new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } })));
const cyc = { a: 1 }; cyc.self = cyc;
attempt('cycle', () => setVariable('c', cyc));
let deep = []; for (let i = 0; i < 5000; i++) deep = [deep];
attempt('deep', () => setVariable('d', deep));
attempt('bigint', () => setVariable('b', 10n));
attempt('symbolKey', () => setVariable(Symbol('k'), 1));
attempt('fnValue', () => setVariable('f', () => 1));
attempt('toJSON', () => setVariable('tj', { toJSON() { return { swapped: true }; } }));
attempt('bigString', () => setVariable('big', 'x'.repeat(2 * 1024 * 1024)));
attempt('protoKey', () => setVariable('pk', JSON.parse('{"__proto__":{"polluted":"yes"},"a":1}')));
attempt('headerToString', () => setHeader('X-A3', { toString() { return 'ok\\r\\nX-Injected: 1'; } }));
attempt('headerProxyName', () => setHeader(new Proxy({}, { get() { throw new Error('trap'); } }), 'v'));
attempt('cookiePrim', () => cookie.set({ [Symbol.toPrimitive]() { return 'pagec_sid'; } }, 'x'));
attempt('sessionDeep', () => session.set('deep', deep));
attempt('crmProxy', () => getCrmField(new Proxy({ slug: 'a3-entity', fieldKey: 'f' }, { get(t, k) { if (k === 'slug') throw new Error('trap'); return t[k]; } })));
attempt('crmGetter', () => getCrmField({ get slug() { return 'a3-entity'; }, fieldKey: 'f' }));
out.getterRuns = getterRuns;
out.protoAfter = typeof ({}).polluted;
response.json(out);
</script>
`;
export default {
  id: "A3",
  title: "hostile arguments to host functions are copied and type-checked",
  crmEntities: [{ slug: "a3-entity", fields: ["f"] }],
  pages: { "a3.ef": page, "a3-after.ef": `<script scope="backend">response.json({ polluted: typeof ({}).polluted, deep: session.get('deep') === null });</script>\n` },
  requests: [
    {
      url: "/a3", status: 200,
      check(res, expect) {
        const out = res.json();
        expect(res.headers["x-injected"]).toBeUndefined();
        expect(res.headers["x-a3"]).toBeUndefined();
        expect(out.cycle).toMatch(/^threw:TypeError$/);
        expect(out.bigint).toMatch(/^threw:TypeError$/);
        expect(out.symbolKey).toMatch(/^threw:TypeError$/);
        expect(out.bigString).toMatch(/^threw:TypeError$/);
        expect(out.deep).toMatch(/^(ok|threw:(TypeError|RangeError))$/);
        expect(out.getterRuns).toBe(1); // the getter ran once, inside the isolate, while the copy was taken
        expect(out.headerToString).toMatch(/^threw:TypeError$/);
        expect(out.cookiePrim).toMatch(/^(false|threw:TypeError)$/);
        expect(out.protoAfter).toBe("undefined");
        for (const v of Object.values(out)) expect(String(v)).not.toMatch(/\/work\/|node_modules|at [A-Za-z]+ \(/);
      },
    },
    { url: "/a3-after", status: 200, json: { polluted: "undefined", deep: true } },
  ],
};
