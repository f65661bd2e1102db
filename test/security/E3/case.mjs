const page = `<script scope="backend">
const cases = JSON.parse(request.query.cases);
const out = [];
for (const [name, value] of cases) {
  try { out.push(String(setHeader(name, value))); } catch (e) { out.push(e.name); }
}
setHeader('X-Ok', 'fine');
response.json(out);
</script>
`;
const badNames = [["X A", "v"], ["X:A", "v"], ["X\r\nY", "v"], ["", "v"], ["X\u00e9", "v"]];
const badValues = [["X-V1", "a\rb"], ["X-V2", "a\nInjected: 1"], ["X-V3", "a\u0000b"], ["X-V4", "a\u010Ab"], ["X-V5", "a\u0D0Ab"], ["X-V6", "a\u010Db"]];
const blocked = ["Set-Cookie", "SET-COOKIE", "set-cookie2", "Access-Control-Allow-Origin", "Connection", "Transfer-Encoding", "Content-Length", "Host", "Upgrade", "Keep-Alive", "Trailer", "Proxy-Authorization", "Location", "X-Pagec-Request-Id", "Content-Encoding", "TE"].map((n) => [n, "x"]);
const all = [...badNames, ...badValues, ...blocked];
export default {
  id: "E3",
  title: "setHeader refuses splitting and blocked names",
  pages: { "e3.ef": page },
  requests: [{
    url: `/e3?cases=${encodeURIComponent(JSON.stringify(all))}`, status: 200,
    check(res, expect) {
      const out = res.json();
      expect(out.slice(0, badNames.length + badValues.length)).toEqual(Array(badNames.length + badValues.length).fill("TypeError"));
      expect(out.slice(badNames.length + badValues.length)).toEqual(Array(blocked.length).fill("false"));
      expect(res.headers["x-ok"]).toBe("fine");
      expect(res.headers["set-cookie"]).toBeUndefined();
      expect(res.headers["injected"]).toBeUndefined();
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
      expect(res.headers.location).toBeUndefined();
      for (const k of Object.keys(res.headers)) expect(k).not.toMatch(/^x-v\d/);
    },
  }],
};
