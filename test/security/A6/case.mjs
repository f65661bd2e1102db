export default {
  id: "A6",
  title: "thenables and Promise species do not reach the host",
  pages: { "a6.ef": `<script scope="backend">
setVariable('before', 'a6');
try { await { then() { throw new Error('then'); } }; } catch (e) { setVariable('thenErr', e.message); }
class Evil extends Promise { static get [Symbol.species]() { return function () { throw new Error('species'); }; } }
try { await Evil.resolve(1).then((x) => x); } catch (e) { setVariable('speciesErr', e.message); }
async function* g() { try { yield 1; } finally { throw new Error('gen'); } }
try { const it = g(); await it.next(); await it.return({ then(r) { r(1); } }); } catch (e) { setVariable('genErr', e.message); }
Promise.prototype.then = function () { return 'hijacked'; };
response.json({ then(resolve) { resolve('hijacked'); }, ok: true });
</script>
<p>{{ var.before }}</p>
` },
  async run({ inject, expect }) {
    const t0 = Date.now();
    const res = await inject({ url: "/a6" });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("hijacked");
  },
};
