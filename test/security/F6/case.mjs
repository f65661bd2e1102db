// inject() bypasses Node's HTTP parser, so the header limit is tested over a real loopback socket.
export default {
  id: "F6",
  title: "request headers over 16 KiB get 431",
  pages: { "f6.ef": `<p>f6</p>\n` },
  async run({ server, expect }) {
    // The shared server may already listen (another case): reuse its address.
    const a = server.fastify.server.address();
    const address = a && typeof a === "object" ? `http://127.0.0.1:${a.port}` : await server.listen();
    const big = await fetch(`${address}/f6`, { headers: { "x-big": "a".repeat(20 * 1024) } });
    expect(big.status).toBe(431);
    expect(await big.text()).not.toContain("<p>f6</p>");
    const cookies = await fetch(`${address}/f6`, { headers: { cookie: Array.from({ length: 1000 }, (_, i) => `c${i}=${"v".repeat(20)}`).join("; ") } });
    expect(cookies.status).toBe(431);
    const ok = await fetch(`${address}/f6`, { headers: { "x-ok": "a".repeat(1024) } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("<p>f6</p>");
  },
};
