export default {
  id: "C4",
  title: "cookie.set refuses reserved names, bad names and bad options",
  pages: { "c4.ef": `<script scope="backend">
const out = [];
const t = (f) => { try { out.push(String(f())); } catch (e) { out.push(e.name); } };
for (const n of ['pagec_sid', 'hop', 'subid', 'aff', 'pagec_x', '__pagec_y']) t(() => cookie.set(n, 'v'));
for (const n of ['a;b', 'a,b', 'a=b', 'a\\r\\nb', 'a\\u0000b', 'a b', '']) t(() => cookie.set(n, 'v'));
for (const o of [{ maxAge: -1 }, { maxAge: NaN }, { maxAge: Infinity }, { maxAge: '10' }, { path: '/a;Domain=evil.com' }, { path: 'a' }, { path: '/a b' }, { sameSite: 'Lax; Domain=evil' }]) t(() => cookie.set('opt', 'v', o));
t(() => cookie.set('val', 'a;b\\r\\nSet-Cookie: x=1; Domain=evil.com'));
t(() => cookie.set('dom', 'v', { domain: 'evil.com' }));
response.json(out);
</script>
` },
  requests: [{
    url: "/c4", status: 200,
    check(res, expect) {
      const out = res.json();
      expect(out.slice(0, 6)).toEqual(Array(6).fill("false"));
      expect(out.slice(6, 13)).toEqual(Array(7).fill("TypeError"));
      expect(out.slice(13, 21)).toEqual(Array(8).fill("TypeError"));
      expect(out.slice(21)).toEqual(["true", "true"]);
      const lines = [res.headers["set-cookie"] ?? []].flat();
      expect(lines).toHaveLength(2);
      for (const l of lines) {
        expect(l).not.toMatch(/[\r\n]|Domain=|x=1/i);
        expect(l).toMatch(/^(val|dom)=[^;]*; Path=\/; SameSite=Lax$/);
      }
    },
  }],
};
