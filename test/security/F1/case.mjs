const page = `<script scope="backend">
response.json({ body: request.body, polluted: typeof ({}).a, bodyProtoA: request.body && typeof request.body.a });
</script>
`;
const json = (payload, body) => ({ method: "POST", url: "/f1", headers: { "content-type": "application/json" }, payload, status: 200, json: { body, polluted: "undefined", bodyProtoA: "undefined" } });
export default {
  id: "F1",
  title: "poisoned keys are removed from bodies",
  pages: { "f1.ef": page },
  requests: [
    json('{"__proto__":{"a":1},"x":1}', { x: 1 }),
    json('{"constructor":{"prototype":{"a":1},"k":2},"x":1}', { constructor: { k: 2 }, x: 1 }),
    json('[{"deep":[{"__proto__":{"a":1},"y":2}]}]', [{ deep: [{ y: 2 }] }]),
    json('{"n":{"m":{"constructor":{"prototype":{"a":1}}}}}', { n: { m: { constructor: {} } } }),
    { method: "POST", url: "/f1", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "__proto__=1&constructor=2&x=1", status: 200,
      check(res, expect) { const o = res.json(); expect(o.polluted).toBe("undefined"); expect(o.body.x).toBe("1"); expect(Object.keys(o.body)).not.toContain("__proto__"); } },
  ],
};
