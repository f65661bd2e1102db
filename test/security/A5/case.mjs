export default {
  id: "A5",
  title: "prepareStackTrace, hostile error objects and thrown proxies",
  pages: { "a5.ef": `<script scope="backend">
setVariable('before', 'a5');
Error.prepareStackTrace = (e, frames) => { globalThis.frames = frames.map((f) => String(f.getThis && f.getThis())); return 'hijacked'; };
const e1 = new Error('x'); Object.defineProperty(e1, 'name', { get() { throw new Error('getter'); } });
console.log(e1);
console.error(new AggregateError([new Error('inner'), { toString() { throw new Error('ts'); } }], 'agg'));
console.log({ toString() { throw new Error('ts'); }, toJSON() { throw new Error('tj'); } });
throw new Proxy(new Error('proxied'), { get(t, k) { if (k === 'stack' || k === 'message' || k === 'name') throw new Error('trap ' + String(k)); return t[k]; } });
</script>
<p>{{ var.before }}</p>
` },
  requests: [{ url: "/a5", status: 200, includes: ["<p>a5</p>"], excludes: ["hijacked", "trap"] }],
};
