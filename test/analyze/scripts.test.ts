// Backend-script checks (SPEC §4.3–§4.6, §7.3.3): each case is a mini site with one page whose script lines are
// numbered from line 2; expectations are exact `code file:line:col message | fixes`. Every offered fix is applied
// and the site re-checked: the finding must be gone.
import { describe, expect, it } from "vitest";
import { applySuggestion, check, own, where, type Files } from "./helpers.js";

const SITE_JSON = JSON.stringify({
  crm: { entities: [{ slug: "pattern-tracker", fields: ["current_weight", "goal_weight"] }, { slug: "notes" }] },
  session: { cookieName: "sid" },
});
const page = (lines: string[]) => `<script scope="backend">\n${lines.join("\n")}\n</script>\n<p>ok</p>\n`;
const at = (line: number, col: number) => `pages/index.ef:${line + 1}:${col}`;

type Expect = [code: string, where: string, message: string, ...fixes: string[]];
interface Case { name: string; lines: string[]; expect: Expect[]; files?: Files }

const cases: Case[] = [
  {
    name: "PC3007 hints, first use per file, typeof",
    lines: [
      "const w = fetch('/x');",
      "setTimeout(() => 1, 5);",
      "const fs = require('fs');",
      "GetCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight' });",
      "getProduct('x');",
      "ensureCrmEntity({});",
      "mystery + 1;",
      "if (typeof http === 'undefined') { fetch('/y'); }",
      "const u = new URL('/x', 'http://a');",
      "window.x = 1;",
    ],
    expect: [
      ["PC3007", at(1, 11), "`fetch` does not exist in the backend-script sandbox: backend scripts cannot make network requests"],
      ["PC3007", at(2, 1), "`setTimeout` does not exist in the backend-script sandbox: there are no timers; do the work inline"],
      ["PC3007", at(3, 12), "`require` does not exist in the backend-script sandbox: backend scripts are not Node.js; use `import … from \"code\"` for scripts/<code>.js"],
      ["PC3007", at(4, 1), "`GetCrmField` does not exist in the backend-script sandbox: CRM functions are camelCase in backend scripts: use `getCrmField`", "replace with `getCrmField`"],
      ["PC3007", at(5, 1), "`getProduct` does not exist in the backend-script sandbox: this platform function is not provided by pagec"],
      ["PC3007", at(6, 1), "`ensureCrmEntity` does not exist in the backend-script sandbox: declare CRM entities in site.json instead"],
      ["PC3007", at(7, 1), "`mystery` does not exist in the backend-script sandbox: it is not declared in this file and is not a pagec global"],
      ["PC3007", at(9, 15), "`URL` does not exist in the backend-script sandbox: not available in the sandbox"],
      ["PC3007", at(10, 1), "`window` does not exist in the backend-script sandbox: backend scripts run on the server; use `request` and `session`"],
    ],
  },
  {
    name: "PC3007 scope analysis: declarations, hoisting, block scope, imports",
    files: { "scripts/format.js": "export function money(n) { return '$' + n; }\n" },
    lines: [
      "import { money } from 'format';",
      "function f(a, { b }, ...c) { try { return a + b + c.length + arguments.length; } catch (err) { return err; } }",
      "class K { m() { return K; } static s = K; }",
      "const g = function h() { return h; };",
      "for (const [i, v] of [[1, 2]]) { i + v; }",
      "label: for (;;) { break label; }",
      "var early = later(); function later() { return hoisted; } var hoisted = money(1);",
      "{ let inner = 1; inner++; }",
      "inner;",
      "const o = { money, [g.name]: f, k: K };",
      "switch (o.k) { case 1: { const z = 2; z; } }",
      "undefinedThing = 3;",
    ],
    expect: [
      ["PC3007", at(9, 1), "`inner` does not exist in the backend-script sandbox: it is not declared in this file and is not a pagec global"],
      ["PC3007", at(12, 1), "`undefinedThing` does not exist in the backend-script sandbox: it is not declared in this file and is not a pagec global"],
    ],
  },
  {
    name: "CRM calls PC3010–PC3019",
    lines: [
      "setCrmField('pattern-tracker', 'goal_weight', 80);",
      "getCrmField('pattern-tracker');",
      "getCrmEntries('notes');",
      "const opts = {}; getCrmField(opts); getCrmField({ ...opts });",
      "getCrmField({ fieldKey: 'goal_weight' });",
      "getCrmFields({ slug: 'pattern-tracker' });",
      "addCrmFieldValue({ slug: 'notes', fieldKey: 'n' });",
      "getCrmField({ slug: 'pattern-tracker', fieldKey: 'goal-weight!' });",
      "getCrmEntries({ slug: 'notes', referenceType: 'a b' });",
      "getCrmEntries({ slug: 'notes', referenceId: 'x{y' });",
      "getCrmEntries({ slug: 'pattern-trackr' });",
      "getCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weigth' });",
      "getCrmField({ slug: 'notes', fieldKey: 'anything' });",
      "setCrmField({ slug: 'notes', fieldKey: 'n', value: null });",
      "setCrmFields({ slug: 'pattern-tracker', fields: [{ fieldKey: 'current_weight', value: 1 }, { field_key: 'goal weight', value: 2 }] });",
      "getCrmFields({ slug: 'pattern-tracker', fieldKeys: ['current_weight', 'goal_weight'] });",
    ],
    expect: [
      ["PC3010", at(1, 1), "`setCrmField` takes a single options object: `setCrmField({ slug, fieldKey, value })`", "rewrite as `setCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight', value: 80 })`"],
      ["PC3010", at(2, 1), "`getCrmField` takes a single options object: `getCrmField({ slug, fieldKey })`"],
      ["PC3010", at(3, 1), "`getCrmEntries` takes a single options object: `getCrmEntries({ slug })`", "rewrite as `getCrmEntries({ slug: 'notes' })`"],
      ["PC3011", at(5, 13), "`getCrmField` needs `slug`, the CRM entity slug"],
      ["PC3012", at(6, 14), "`getCrmFields` needs `fieldKeys`"],
      ["PC3013", at(7, 18), "`addCrmFieldValue` needs `value` (`0`, `false` and `''` are valid values)"],
      ["PC3014", at(8, 50), "field key `goal-weight!` is invalid: only letters, digits, `_`, `.` and `-` are allowed", "replace with `'goal-weight_'`"],
      ["PC3015", at(9, 47), "reference type `a b` is invalid: only letters, digits, `_` and `-` are allowed", "replace with `'a_b'`"],
      ["PC3016", at(10, 45), "reference id is invalid: it contains \"{\""],
      ["PC3017", at(11, 23), "CRM entity `pattern-trackr` is not declared in site.json (declared: `pattern-tracker`, `notes`)", "replace with `'pattern-tracker'`"],
      ["PC3018", at(12, 50), "field `goal_weigth` is not declared for CRM entity `pattern-tracker` in site.json", "replace with `'goal_weight'`"],
      ["PC3019", at(14, 52), "`value` can never be stored: `null` is not a storable value"],
      ["PC3014", at(15, 105), "field key `goal weight` is invalid: only letters, digits, `_`, `.` and `-` are allowed", "replace with `'goal_weight'`"],
    ],
  },
  {
    name: "redirect, headers, status, cookies, session, await, setVariable keys, strings, unreachable code",
    lines: [
      "if (is_customer) redirect('//evil.example');",
      "if (is_customer) redirect('/ok', 300);",
      "setHeader('Location', '/x');",
      "setHeader('Bad Name', 1);",
      "setHeader('X-Pagec-Id', 1); setHeader('Content-Type', 'text/plain');",
      "response.status(1000); response.status(404);",
      "cookie.set('sid', 'x'); cookie.set('theme', 'dark');",
      "cookie.delete('a;b');",
      "session.set('email', 'x'); session.set('plan', 'x');",
      "session.get('_private');",
      "const t = session.getToken();",
      "const ok = await session.setFromToken('x');",
      "setVariable('user-tier', 1);",
      "setVariable('', 1);",
      "const s = 'Hello {{ name }}';",
      "response.json({ ok: true });",
      "setVariable('after', 1);",
    ],
    expect: [
      ["PC3020", at(1, 27), "redirect target `//evil.example` is not allowed: use a path starting with `/` or an `http://` or `https://` URL"],
      ["PC3021", at(2, 34), "redirect status 300 is not allowed; use 301, 302, 303, 307 or 308"],
      ["PC3022", at(3, 11), "header `Location` cannot be set from a backend script; use redirect()"],
      ["PC3023", at(4, 11), "`Bad Name` is not a valid header name"],
      ["PC3022", at(5, 11), "header `X-Pagec-Id` cannot be set from a backend script"],
      ["PC3024", at(6, 17), "`response.status(1000)`: the status must be an integer from 100 to 599"],
      ["PC3025", at(7, 12), "cookie name `sid` is reserved by the runtime"],
      ["PC3025", at(8, 15), "`a;b` is not a valid cookie name"],
      ["PC3026", at(9, 13), "session key `email` is reserved by the runtime"],
      ["PC3026", at(10, 13), "session key `_private` is reserved by the runtime"],
      ["PC3028", at(11, 11), "`session.getToken()` returns a Promise; write `await session.getToken(…)`", "insert `await `"],
      ["PC3029", at(13, 13), "`user-tier` cannot be written after `var.`; templates must read it as `var['user-tier']`"],
      ["PC3030", at(14, 13), "a variable key must be a string of 1 to 200 characters and not `__proto__`, `constructor` or `prototype`"],
      ["PC1054", at(15, 11), "template tags inside a backend-script string are not evaluated; pass data with `setVariable()`"],
      ["PC3027", at(17, 1), "this code never runs: `response.json()` on line 17 ends the script"],
    ],
  },
];

const render = (list: ReturnType<typeof check>) => own(list).map((d) => [d.code, where(d), d.message, ...d.suggestions.map((s) => s.title)]);

describe("backend-script checks", () => {
  for (const c of cases) {
    const files: Files = { "site.json": SITE_JSON, "pages/index.ef": page(c.lines), ...c.files };
    it(c.name, () => {
      expect(render(check(files))).toEqual(c.expect);
    });
    it(`${c.name}: every fix removes its finding`, () => {
      for (const d of own(check(files))) {
        for (const s of d.suggestions) {
          const again = own(check(applySuggestion(files, s)));
          expect(again.filter((x) => x.code === d.code && where(x) === where(d) && x.message === d.message), `${d.code} ${s.title}`).toEqual([]);
        }
      }
    });
  }

  it("modules are checked once on their own, even when no page imports them", () => {
    const list = own(check({ "pages/index.ef": "<p>hi</p>\n", "scripts/lonely.js": "export const x = fetch('/a');\n" }));
    expect(list.map((d) => `${d.code} ${where(d)}`)).toEqual(["PC3007 scripts/lonely.js:1:18"]);
  });

  it("a layout's unit and a shared module are reported once, whatever the number of pages", () => {
    const list = own(check({
      "pages/layout.ef": "<script scope=\"backend\">\nimport { a } from 'shared';\nnope();\n</script>\n@yield(\"c\")\n",
      "pages/one.ef": "@extends(\"layout\")\n@block(\"c\")1@endblock\n",
      "pages/two.ef": "@extends(\"layout\")\n@block(\"c\")2@endblock\n",
      "scripts/shared.js": "export const a = nada;\n",
    }));
    expect(list.map((d) => `${d.code} ${where(d)}`)).toEqual(["PC3007 pages/layout.ef:3:1", "PC3007 scripts/shared.js:1:18"]);
  });
});
