// Schema precompilation through the bundle (SPEC §8.7): every unit and module is passed to compiler/schema,
// counts are summed, multi-block units are edited at the right file offsets, and PC3031 lands in the file.
import { test, expect } from "vitest";
import { bundlePage } from "../../compiler/bundle/index.js";
import { unit } from "./helpers.js";

const PAGE = `<p>x</p>
<script scope="backend">
  import { S } from "v";
  const dyn = Schema.string().min(request.n);
</script>
<p>y</p>
<script scope="backend">
  const T = Schema.object({ a: Schema.number().min(1) });
  log(T === S);
</script>
`;
const V = "export const S = Schema.string().max(3);\nexport const Bad = Schema.number().min(10).max(5);\n";

function build(precompileSchemas: boolean) {
  return bundlePage({
    slug: "s", units: [unit("pages/p.ef", PAGE)],
    readModule: (code) => (code === "v" ? { file: "scripts/v.js", text: V } : null),
    maxImports: 10, maxModulesPerPage: 50, precompileSchemas,
  });
}

test("static schemas in units and modules are precompiled and counted", () => {
  const r = build(true);
  expect(r.schemas).toEqual({ precompiled: 3, dynamic: 1 });
  expect(r.code.match(/__pc\.schema\(/g)?.length).toBe(3);
  expect(r.code).toContain("const T = __pc.schema(Schema.object({ a: Schema.number().min(1) }), ");
  expect(r.code).toContain("const S = __pc.schema(Schema.string().max(3), ");
  expect(() => new Function(r.code.replace(/^__pagec_define/, "void"))).not.toThrow();
});

test("PC3031 from a module is reported at the module's position", () => {
  const d = build(true).diagnostics.map((x) => `${x.code} ${x.file}:${x.start.line}:${x.start.column}`);
  expect(d).toContain("PC3031 scripts/v.js:2:44");
});

test("--no-precompile-schemas rewrites nothing and counts everything as dynamic", () => {
  const r = build(false);
  expect(r.code).not.toContain("__pc.schema(");
  expect(r.schemas.precompiled).toBe(0);
  expect(r.schemas.dynamic).toBe(4);
});
