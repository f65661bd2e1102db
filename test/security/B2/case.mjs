const page = (body) => `<script scope="backend">
setVariable('before', 'ok');
${body}
</script>
<p>{{ var.before }}</p>
`;
export default {
  id: "B2",
  title: "microtask storms are terminated by the budget",
  pages: {
    "b2-storm.ef": page(`Promise.resolve().then(function f() { Promise.resolve().then(f); });\nawait new Promise(() => {});`),
    "b2-mixed.ef": page(`Promise.resolve().then(function f() { Promise.resolve().then(f); });\nfor (;;) {}`),
  },
  requests: [
    { url: "/b2-storm", status: 200, includes: ["<p>ok</p>"], excludes: ["Promise"] },
    { url: "/b2-mixed", status: 200, includes: ["<p>ok</p>"], excludes: ["Promise"] },
  ],
};
