// Fuzz properties shared by the short run (test/fuzz/*.test.ts, TypeScript sources) and the long run
// (scripts/fuzz.mjs, built JavaScript): the caller passes the compiler functions, so both test the same code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Seed pages and modules: every .ef and scripts/*.js under examples/ and test/fixtures/spec-sites/. */
export function loadSeeds(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ef") || (name.endsWith(".js") && p.includes("/scripts/"))) out.push({ path: p, text: readFileSync(p, "utf8") });
    }
  };
  for (const d of ["examples", "test/fixtures/spec-sites"]) walk(join(root, d));
  return out;
}

/** Fragments that tend to reach interesting parser states when spliced into a page. */
export const TOKENS = [
  "{{", "}}", "{{ ", " }}", "{{--", "--}}", "{{{", "}}}", "[[", "]]", "<<", ">>", "@if(", "@endif", "@else", "@elseif(", "@foreach(",
  "@endforeach", "@component(", "@extends(", "@block(", "@endblock", "@yield(", "@set(", "@verbatim", "@endverbatim", "@setSessionItem(",
  "<script scope=\"backend\">", "</script>", "<script>", "<style>", "</style>", "<!--", "-->", "v-if=\"", "v-else", "v-else-if=\"",
  "\"", "'", "`", "(", ")", "[", "]", "{", "}", "|", " | raw", " | json", " | nl2br", " | default:'x'", "var.", "request.query.",
  "__proto__", "constructor", "\n", "\r\n", "\t", " ", "<", ">", "=", "&", "&#106;", "javascript:", "\u2028", "\uD800", "\u0000",
  "=======\n", "<<<<<<< HEAD\n", "import x from \"y\";\n", "export const a = 1;\n", "import(", "await ", "/*", "*/", "//",
];

/** A mutated seed: a few splices (insert token, delete, duplicate, random text) applied to one seed file. */
export function mutatedPage(fc, seeds) {
  const op = fc.oneof(
    fc.record({ k: fc.constant("ins"), at: fc.nat(), tok: fc.constantFrom(...TOKENS) }),
    fc.record({ k: fc.constant("del"), at: fc.nat(), len: fc.nat(40) }),
    fc.record({ k: fc.constant("dup"), at: fc.nat(), len: fc.nat(200) }),
    fc.record({ k: fc.constant("txt"), at: fc.nat(), tok: fc.string({ maxLength: 12 }) }),
  );
  return fc.tuple(fc.nat(seeds.length - 1), fc.array(op, { minLength: 1, maxLength: 8 })).map(([i, ops]) => {
    let t = seeds[i].text;
    for (const o of ops) {
      const at = t.length ? o.at % (t.length + 1) : 0;
      if (o.k === "ins" || o.k === "txt") t = t.slice(0, at) + o.tok + t.slice(at);
      else if (o.k === "del") t = t.slice(0, at) + t.slice(at + o.len);
      else t = t.slice(0, at) + t.slice(at, at + o.len) + t.slice(at);
    }
    return t;
  });
}

/** Expression-ish strings built from expression tokens. */
export function expressionText(fc) {
  const tok = fc.constantFrom("var", "request", "query", "customer", ".", "x", "[", "]", "(", ")", "'a'", "\"b\"", "1", "2.5", "+", "-", "*", "/", "%",
    "==", "!=", "===", "&&", "||", "!", "?", ":", "??", "|", "raw", "json", "default", ":", ",", "upper", "length", "true", "null", " ", "__proto__", "{", "}", "=", ">", "<");
  return fc.array(tok, { maxLength: 16 }).map((a) => a.join(""));
}

/** Every diagnostic range is inside `text` (LSP positions: 0-based line, UTF-16 character). */
export function rangesInside(text, diagnostics) {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const plain = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      const ok = p.line >= 0 && p.character >= 0 && ((p.line < lines.length && p.character <= lines[p.line].length) || (p.line < plain.length && p.character <= plain[p.line].length));
      if (!ok) return `${d.code} at ${p.line}:${p.character} outside the file (${plain.length} lines)`;
    }
    if (d.range.end.line < d.range.start.line || (d.range.end.line === d.range.start.line && d.range.end.character < d.range.start.character)) return `${d.code} has end before start`;
  }
  return null;
}

/** Template parser property: no throw, bounded time, ranges inside. Returns null or a failure text. */
export function checkTemplate(api, text, budgetMs) {
  const t0 = performance.now();
  const r = api.parseTemplate(text, { file: "pages/fuzz.ef", kind: "page" });
  const ms = performance.now() - t0;
  if (ms > budgetMs) return `parseTemplate took ${ms.toFixed(0)} ms`;
  return rangesInside(text, r.diagnostics);
}

/** Whole-file check (template, expressions, backend script extraction and bundling analysis). */
export async function checkWhole(api, text, siteDir, budgetMs) {
  const t0 = performance.now();
  const diags = await api.checkSource(text, { path: "pages/fuzz.ef", siteDir });
  const ms = performance.now() - t0;
  if (ms > budgetMs) return `checkSource took ${ms.toFixed(0)} ms`;
  return rangesInside(text, diags.filter((d) => d.file === "pages/fuzz.ef"));
}

/** Expression property: parse never throws; a parsed expression compiles to JavaScript that parses. */
export function checkExpression(api, text) {
  const r = api.parseExpression(text, 0);
  if (!r.expr) return r.errors.length ? null : "no expression and no error";
  const code = api.compileExpression(r.expr, (id) => `s.${id.name}`);
  try { new Function("s", `return (${code});`); } catch (e) { return `generated code does not parse: ${code} (${e.message})`; }
  return null;
}
