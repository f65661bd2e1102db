const r = (ct, payload, body) => ({ name: ct, method: "POST", url: "/f3", headers: ct ? { "content-type": ct } : {}, payload, status: 200, json: { body } });
export default {
  id: "F3",
  title: "no surprise body parsers",
  pages: { "f3.ef": `<script scope="backend">\nresponse.json({ body: request.body });\n</script>\n` },
  requests: [
    r("multipart/form-data; boundary=XX", '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XX--\r\n', null),
    r("text/plain", '{"a":1}', null),
    r(undefined, '{"a":1}', null),
    r("application/json; charset=utf-7", '{"a":1}', { a: 1 }),
    r("application/vnd.x+json", '{"a":2}', { a: 2 }),
    r("application/json", "", null),
    r("application/json", "{bad", null),
  ],
};
