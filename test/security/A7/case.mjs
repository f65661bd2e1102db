const report = `response.json({ polluted: typeof ({}).polluted, arr: [].length === 0 && typeof [][0], json: JSON.stringify({ a: 1 }), thenOk: Promise.prototype.then.toString().includes('[native code]'), push: Array.prototype.push.toString().includes('[native code]') });`;
const pollute = `<script scope="backend">
if (request.query.check) { ${report} }
Object.prototype.polluted = 'yes';
Object.defineProperty(Array.prototype, 0, { set(v) { globalThis.stolen = v; }, get() { return 'evil'; }, configurable: true });
JSON.stringify = () => '"hacked"';
JSON.parse = () => ({ hacked: true });
Promise.prototype.then = function () { return this; };
Array.prototype.push = function () { return 0; };
String.prototype.replace = function () { return 'hacked'; };
setVariable('msg', 'still <here>');
</script>
<p>{{ var.msg }}</p><p>{{ var.msg.polluted }}</p>
`;
export default {
  id: "A7",
  title: "prototype pollution does not survive the request",
  pages: { "a7-pollute.ef": pollute, "a7-check.ef": `<script scope="backend">${report}</script>\n` },
  requests: [
    { name: "polluter", url: "/a7-pollute", status: 200, includes: ["<p>still &lt;here&gt;</p><p></p>"], excludes: ["hacked", "yes"] },
    { name: "same page after", url: "/a7-pollute?check=1", status: 200, json: { polluted: "undefined", arr: "undefined", json: '{"a":1}', thenOk: true, push: true } },
    { name: "other page after", url: "/a7-check", status: 200, json: { polluted: "undefined", arr: "undefined", json: '{"a":1}', thenOk: true, push: true } },
  ],
};
