export default {
  id: "C8",
  title: "Schema error messages are capped at 100",
  pages: { "c8.ef": `<script scope="backend">
const shape = {}; for (let i = 0; i < 300; i++) shape['f' + i] = Schema.string().required();
const r1 = Schema.object(shape).validate({});
const r2 = Schema.array().items(Schema.number()).validate(Array.from({ length: 20000 }, () => 'x'));
response.json({ n1: r1.errors.length, v1: r1.valid, n2: r2.errors.length, v2: r2.valid });
</script>
` },
  requests: [{ url: "/c8", status: 200, json: { n1: 100, v1: false, n2: 100, v2: false } }],
};
