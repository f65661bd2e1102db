const page = `<script scope="backend">
const q = request.query;
response.json({ keys: Object.keys(q).length, hasProtoKey: Object.prototype.hasOwnProperty.call(q, '__proto__'), polluted: typeof ({}).x, protoOfQ: Object.getPrototypeOf(q) === null ? 'null' : typeof Object.getPrototypeOf(q).x, a: q['a[__proto__][x]'] ?? null, r: q.r ?? null });
</script>
`;
const many = Array.from({ length: 5000 }, (_, i) => `p${i}=${i}`).join("&");
export default {
  id: "F5",
  title: "query strings are parsed flat, without __proto__, capped at 1,000",
  pages: { "f5.ef": page },
  requests: [
    { url: "/f5?a[__proto__][x]=1&__proto__[x]=1&__proto__=1&constructor[prototype][x]=1&a[constructor][prototype][x]=1&r=1&r=2", status: 200,
      check(res, expect) {
        const o = res.json();
        expect(o.hasProtoKey).toBe(false);
        expect(o.polluted).toBe("undefined");
        expect(["null", "undefined"]).toContain(o.protoOfQ);
        expect(o.r).toEqual(["1", "2"]);
      } },
    { url: `/f5?${many}`, status: 200, check(res, expect) { expect(res.json().keys).toBe(1000); } },
    { url: `/f5?${"a".repeat(10)}${"[b]".repeat(2000)}=1`, status: 200, check(res, expect) { expect(res.json().keys).toBe(1); } },
  ],
};
