export default {
  id: "C3",
  title: "request is a frozen copy with four headers",
  pages: { "c3.ef": `<script scope="backend">
const out = {};
for (const [name, fn] of [
  ['query', () => { request.query.q = 'changed'; }],
  ['headers', () => { request.headers.host = 'evil'; }],
  ['cookies', () => { request.cookies.sid = 'evil'; }],
  ['method', () => { request.method = 'DELETE'; }],
]) { try { fn(); out[name] = 'mutated'; } catch (e) { out[name] = e.name; } }
out.visible = Object.keys(request.headers).sort();
setVariable('out', out);
</script>
<p>{{ request.query.q }}|{{ var.out | json | raw }}</p>
` },
  requests: [{
    url: "/c3?q=orig",
    headers: { authorization: "Bearer secret", cookie: "sid=1", "x-forwarded-for": "1.2.3.4", "user-agent": "ua", "accept-language": "en" },
    status: 200,
    includes: ['<p>orig|{"query":"TypeError","headers":"TypeError","cookies":"TypeError","method":"TypeError","visible":'],
    check(res, expect) {
      const json = JSON.parse(res.body.slice(res.body.indexOf("|") + 1, res.body.lastIndexOf("</p>")));
      expect(json.visible).toEqual(["accept-language", "host", "user-agent"]);
    },
  }],
};
