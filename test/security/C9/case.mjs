export default {
  id: "C9",
  title: "setVariable stores JSON copies only",
  pages: { "c9.ef": `<script scope="backend">
setVariable('fn', { f() { return 1; }, s: Symbol('x'), keep: 1 });
setVariable('date', new Date(0));
setVariable('map', new Map([[1, 2]]));
setVariable('typed', new Uint8Array([1, 2]));
let big = 'none'; try { setVariable('big', 1n); big = 'stored'; } catch (e) { big = e.name; }
setVariable('bigr', big);
</script>
<p>{{ var.fn | json | raw }}|{{ var.date }}|{{ var.map | json | raw }}|{{ var.typed | json | raw }}|{{ var.bigr }}</p>
` },
  requests: [{ url: "/c9", status: 200, includes: ['<p>{"keep":1}|1970-01-01T00:00:00.000Z|{}|{"0":1,"1":2}|TypeError</p>'] }],
};
