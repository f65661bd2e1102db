export default {
  id: "B10",
  title: "deep recursion and 10^5-deep values",
  pages: { "b10.ef": `<script scope="backend">
function f(n) { return f(n + 1) + 1; }
try { f(0); setVariable('rec', 'no error'); } catch (e) { setVariable('rec', e.name); }
let deep = []; for (let i = 0; i < 100000; i++) deep = [deep];
try { setVariable('deep', deep); } catch (e) { setVariable('deepErr', e.name); }
try { session.set('deep', deep); } catch (e) { setVariable('sessErr', e.name); }
</script>
<p>{{ var.rec }}</p>
` },
  requests: [{ url: "/b10", status: 200, includes: ["<p>RangeError</p>"] }],
};
