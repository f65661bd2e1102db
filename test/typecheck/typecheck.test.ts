import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyzeSite } from "../../compiler/compile.js";
import { finalizeDiagnostics } from "../../compiler/diagnostics/diagnostic.js";
import { formatPretty } from "../../compiler/diagnostics/format-pretty.js";
import { createTypeChecker, flattenMessage } from "../../compiler/analyze/typecheck/index.js";
import { makeSite, page } from "./helpers.js";

const DEMO_D = new URL("../fixtures/spec-sites/demo-d", import.meta.url).pathname;
const checker = createTypeChecker();

function typeErrors(root: string, overlays?: Record<string, string>) {
  return checker.check(analyzeSite(root, { emit: false, overlays }));
}

describe("PC3100 (SPEC §7.6, §10.4)", () => {
  it("reports request.bodyy with the exact message, position and fix", () => {
    const d = typeErrors(DEMO_D).find((x) => x.message.includes("bodyy"));
    expect(d).toBeDefined();
    expect(d!.code).toBe("PC3100");
    expect(d!.severity).toBe("warning");
    expect(d!.message).toBe("Property 'bodyy' does not exist on type 'PagecRequest'. Did you mean 'body'? (TS2551)");
    expect(d!.file).toBe("pages/broken.ef");
    expect(d!.start).toEqual({ line: 10, column: 25 });
    expect(d!.end).toEqual({ line: 10, column: 30 });
    expect(d!.suggestions).toEqual([{ title: "replace with `body`", edits: [{ file: "pages/broken.ef", range: { start: { line: 9, character: 24 }, end: { line: 9, character: 29 } }, newText: "body" }] }]);
  });

  it("after merging, only the bodyy PC3100 of demo-d survives (TS2554 overlaps PC3010, TS2305 is excluded)", () => {
    const a = analyzeSite(DEMO_D, { emit: false });
    const all = finalizeDiagnostics([...a.diagnostics, ...checker.check(a)]);
    expect(all.filter((d) => d.code === "PC3100").map((d) => d.message)).toEqual([
      "Property 'bodyy' does not exist on type 'PagecRequest'. Did you mean 'body'? (TS2551)",
    ]);
    // With PC3100 merged in, `pagec check demo-d` prints SPEC §10.4 exactly.
    const expected = readFileSync(`${DEMO_D}.expected.txt`, "utf8");
    expect(formatPretty(all, { source: (f) => a.site.files.get(f) })).toBe(expected);
  });

  it("checks across files: a schema exported by a module, misused in a unit", () => {
    const root = makeSite({
      "scripts/validators.js": "export const Age = Schema.number().min(0);\nexport function twice(n) { return n * 2; }\n",
      "pages/index.ef": page(`import { Age, twice } from "./validators.js";\nconst r = Age.email();\nconst s = twice(1, 2);`),
    });
    const d = typeErrors(root);
    expect(d.map((x) => [x.file, x.start.line, x.start.column, x.message])).toEqual([
      ["pages/index.ef", 3, 15, "Property 'email' does not exist on type 'NumberSchema'. (TS2339)"],
      ["pages/index.ef", 4, 20, "Expected 0-1 arguments, but got 2. (TS2554)"],
    ]);
    expect(d[0].suggestions).toEqual([]);
  });

  it("maps positions of multi-block units back to the page", () => {
    const root = makeSite({
      "pages/two.ef": `<script scope="backend">\nconst a = 1;\n</script>\n<p>x</p>\n<script scope="backend">\nrequest.methd;\n</script>\n`,
    });
    const d = typeErrors(root);
    expect(d.map((x) => [x.start, x.message])).toEqual([[{ line: 6, column: 9 }, "Property 'methd' does not exist on type 'PagecRequest'. Did you mean 'method'? (TS2551)"]]);
  });

  it("never reports the excluded codes", () => {
    const root = makeSite({
      "scripts/lib.js": "export const x = 1;\n",
      "pages/index.ef": page([
        `import { nope } from "lib";`, // TS2305
        `import { y } from "missing";`, // TS2307
        `const w = await fetch('x');`, // TS2304 / top-level await
        `const z = proces.env;`, // TS2552 / TS2304
        `const q = require('fs');`, // TS2580
        `if (request.query.a) return;`, // TS1108
        `setVariable('k', 1);`,
      ].join("\n")),
    });
    expect(typeErrors(root)).toEqual([]);
  });

  it("flattens multi-line messages onto one line", () => {
    const root = makeSite({ "pages/index.ef": page(`cookie.set('a', 'b', { sameSite: 'lax' });`) });
    const d = typeErrors(root);
    expect(d).toHaveLength(1);
    expect(d[0].message).not.toContain("\n");
    expect(d[0].message).toBe(`Type '"lax"' is not assignable to type '"Lax" | "Strict" | "None"'. Did you mean '"Lax"'? (TS2820)`);
    // The quoted suggestion is not an identifier, so no property-name fix is offered.
    expect(d[0].suggestions).toEqual([]);
    const chain = { messageText: "Argument of type 'X' is not assignable to parameter of type 'Y'.", category: 1, code: 2345,
      next: [{ messageText: "Property 'a' is missing in type 'X'.", category: 1, code: 2324 }] };
    expect(flattenMessage(chain)).toBe("Argument of type 'X' is not assignable to parameter of type 'Y'. Property 'a' is missing in type 'X'.");
  });

  it("honours site.json typeCheck: off and error", () => {
    const script = page("const e = request.bodyy;");
    expect(typeErrors(makeSite({ "site.json": '{ "typeCheck": "off" }', "pages/index.ef": script }))).toEqual([]);
    const err = typeErrors(makeSite({ "site.json": '{ "typeCheck": "error" }', "pages/index.ef": script }));
    expect(err.map((d) => [d.code, d.severity])).toEqual([["PC3100", "error"]]);
    const def = typeErrors(makeSite({ "pages/index.ef": script }));
    expect(def.map((d) => [d.code, d.severity])).toEqual([["PC3100", "warning"]]);
  });

  it("stays warm: only changed files and their importers are re-checked, with correct results", () => {
    const tc = createTypeChecker();
    const root = makeSite({
      "scripts/v.js": "export const S = Schema.number();\n",
      "pages/a.ef": page(`import { S } from "v";\nS.email();`),
      "pages/b.ef": page(`const m = request.method;`),
      "pages/c.ef": page(`response.status(200).json({ ok: true });`),
    });
    const run = (overlays?: Record<string, string>) => tc.check(analyzeSite(root, { emit: false, overlays }));
    expect(run().map((d) => d.file)).toEqual(["pages/a.ef"]);
    expect(tc.lastChecked).toBe(4);
    expect(run()).toHaveLength(1);
    expect(tc.lastChecked).toBe(0);
    // The module changes: the module and its importer are re-checked, b and c are not.
    expect(run({ "scripts/v.js": "export const S = Schema.string();\n" })).toEqual([]);
    expect(tc.lastChecked).toBe(2);
    // An edit to b only re-checks b, and its new error appears.
    const d = run({ "scripts/v.js": "export const S = Schema.string();\n", "pages/b.ef": page("const m = request.methodd;") });
    expect(tc.lastChecked).toBe(1);
    expect(d.map((x) => [x.file, x.message])).toEqual([["pages/b.ef", "Property 'methodd' does not exist on type 'PagecRequest'. Did you mean 'method'? (TS2551)"]]);
    // Back to the files on disk: the original error is back.
    expect(run().map((x) => [x.file, x.message])).toEqual([["pages/a.ef", "Property 'email' does not exist on type 'StringSchema'. (TS2339)".replace("StringSchema", "NumberSchema")]]);
  });

  it("re-maps cached results when only the markup around the script moved", () => {
    const tc = createTypeChecker();
    const root = makeSite({ "pages/a.ef": page("const m = request.methd;") });
    const at = (overlays?: Record<string, string>) => tc.check(analyzeSite(root, { emit: false, overlays })).map((d) => d.start);
    expect(at()).toEqual([{ line: 2, column: 19 }]);
    expect(at({ "pages/a.ef": "<h1>Title</h1>\n\n" + page("const m = request.methd;") })).toEqual([{ line: 4, column: 19 }]);
    expect(tc.lastChecked).toBe(0);
  });

  it("does not throw on broken scripts", () => {
    const root = makeSite({ "pages/index.ef": page("const = ;\nfunction (") , "scripts/x.js": "export const {" });
    expect(() => typeErrors(root)).not.toThrow();
  });

  it("keeps top-level names of different pages apart (units are modules)", () => {
    const root = makeSite({ "pages/a.ef": page("const email = 1;"), "pages/b.ef": page("const email = 2;") });
    expect(typeErrors(root)).toEqual([]);
  });
});

describe("pagec-sandbox.d.ts", () => {
  it("is Appendix A verbatim", () => {
    // shared/ sits beside the repository (in development and in CI).
    const spec = readFileSync(new URL("../../../shared/SPEC.md", import.meta.url), "utf8");
    const appendix = spec.slice(spec.indexOf("## Appendix A"));
    const body = appendix.slice(appendix.indexOf("```ts\n") + 6, appendix.indexOf("\n```", appendix.indexOf("```ts\n") + 6) + 1);
    const shipped = readFileSync(new URL("../../compiler/analyze/typecheck/pagec-sandbox.d.ts", import.meta.url), "utf8");
    expect(shipped).toBe(body);
  });
});
