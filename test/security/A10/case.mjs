export default {
  id: "A10",
  title: "SharedArrayBuffer, Atomics and WebAssembly are absent",
  pages: { "a10.ef": `<script scope="backend">
const names = ['Shared' + 'ArrayBuffer', 'Atom' + 'ics', 'Web' + 'Assembly'];
let sab = 'none';
try { sab = new ArrayBuffer(8, { maxByteLength: 16 }).constructor.name; } catch (e) { sab = 'threw'; }
response.json({ types: names.map((n) => typeof globalThis[n]), sab });
</script>
` },
  requests: [{ url: "/a10", status: 200, json: { types: ["undefined", "undefined", "undefined"], sab: "ArrayBuffer" } }],
};
