export default {
  id: "F4",
  title: "deep and wide JSON bodies",
  pages: { "f4.ef": `<script scope="backend">\nsetVariable('kind', request.body === null ? 'null' : Array.isArray(request.body) ? 'array' : typeof request.body);\n</script>\n<p>{{ var.kind }}</p>\n` },
  requests: [
    { method: "POST", url: "/f4", headers: { "content-type": "application/json" }, payload: "[".repeat(30000) + "]".repeat(30000), check(res, expect) { expect([200, 400, 413]).toContain(res.statusCode); } },
    { method: "POST", url: "/f4", headers: { "content-type": "application/json" }, payload: JSON.stringify(Array.from({ length: 30000 }, (_, i) => i % 10)), status: 200, includes: ["<p>array</p>"] },
  ],
};
