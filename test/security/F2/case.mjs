import net from "node:net";
const body = (n) => { const pre = '{"s":"'; const post = '"}'; return pre + "x".repeat(n - pre.length - post.length) + post; };
const post = (payload, status, check) => ({ method: "POST", url: "/f2", headers: { "content-type": "application/json" }, payload, status, check });
export default {
  id: "F2",
  title: "body size limits",
  pages: { "f2.ef": `<script scope="backend">\nresponse.json({ isNull: request.body === null, len: request.body ? request.body.s.length : -1 });\n</script>\n` },
  requests: [
    post(body(65536), 200, (res, expect) => expect(res.json()).toEqual({ isNull: false, len: 65536 - 8 })),
    post(body(65537), 200, (res, expect) => expect(res.json()).toEqual({ isNull: true, len: -1 })),
    post(body(1048577), 413),
  ],
  async run({ server, expect }) {
    // The shared server may already listen (another case): reuse its address.
    const a = server.fastify.server.address();
    const address = a && typeof a === "object" ? `http://127.0.0.1:${a.port}` : await server.listen();
    const { hostname, port } = new URL(address);
    // Content-Length says 10 but 100 bytes follow: the extra bytes are not a second request the page sees.
    const raw = await new Promise((resolve) => {
      const s = net.connect(Number(port), hostname, () => {
        s.write(`POST /f2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{"s":"abc"}` + "y".repeat(89));
      });
      let data = "";
      s.on("data", (d) => (data += d));
      s.on("close", () => resolve(data));
      s.on("error", () => resolve(data));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 (200|400)/);
  },
};
