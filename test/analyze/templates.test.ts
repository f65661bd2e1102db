// Template scope and name checks (SPEC §3.6, §3.9, §3.5 output contexts, §4.5.3 in templates): mini sites with
// exact `code file:line:col message | fixes`, and every offered fix applied and re-checked.
import { describe, expect, it } from "vitest";
import { applySuggestion, check, own, where, type Files } from "./helpers.js";

type Expect = [code: string, where: string, message: string, ...fixes: string[]];
interface Case { name: string; files: Files; expect: Expect[] }

const CRM_SITE = JSON.stringify({ crm: { entities: [{ slug: "pattern-tracker", fields: ["current_weight", "goal_weight"] }, { slug: "notes" }] } });

const cases: Case[] = [
  {
    name: "PC2001: a setVariable key read without var.",
    files: { "pages/index.ef": "<script scope=\"backend\">setVariable('greeting', 'Hi');</script>\n<p>{{ greeting }}</p>\n" },
    expect: [["PC2001", "pages/index.ef:2:7", "`greeting` is not defined in templates; values from `setVariable('greeting', …)` are read as `var.greeting`", "replace with `var.greeting`"]],
  },
  {
    name: "PC2002: var.k never set, with the closest key",
    files: { "variables.json": "{ \"motto_text\": \"x\" }", "pages/index.ef": "<p>{{ var.moto_text }}</p>\n" },
    expect: [["PC2002", "pages/index.ef:1:7", "`var.moto_text` is never set: no `setVariable('moto_text', …)` in this page's scripts and no `moto_text` in variables.json", "replace with `var.motto_text`"]],
  },
  {
    name: "PC2002 is skipped when a script sets a non-literal key",
    files: { "pages/index.ef": "<script scope=\"backend\">const k = 'a'; setVariable(k, 1);</script>\n{{ var.zzz }}\n" },
    expect: [],
  },
  {
    name: "keys set by imported modules and by the layout chain count",
    files: {
      "scripts/m.js": "setVariable('from_module', 1);\nexport const x = 1;\n",
      "pages/layout.ef": "<script scope=\"backend\">setVariable('from_layout', 1);</script>\n<main>@yield(\"c\")</main>\n",
      "pages/index.ef": "@extends(\"layout\")\n<script scope=\"backend\">import { x } from 'm';</script>\n@block(\"c\"){{ var.from_module }} {{ var.from_layout }}@endblock\n",
    },
    expect: [],
  },
  {
    name: "PC2003: unknown names, with closest names in scope",
    files: { "pages/index.ef": "@set(total = 1)\n{{ totl }}\n@foreach(item in [1]){{ itme }}@endforeach\n" },
    expect: [
      ["PC2003", "pages/index.ef:2:4", "`totl` is not defined and renders as an empty string", "replace with `total`"],
      ["PC2003", "pages/index.ef:3:25", "`itme` is not defined and renders as an empty string", "replace with `item`"],
    ],
  },
  {
    name: "PC2011: platform variables",
    files: { "pages/index.ef": "{{ click_id }} {{ request.merchant_code }} {{ ip_whois | default:'' }}\n" },
    expect: [
      ["PC2011", "pages/index.ef:1:4", "platform variable `click_id` is not provided by pagec"],
      ["PC2011", "pages/index.ef:1:19", "platform variable `request.merchant_code` is not provided by pagec"],
      ["PC2011", "pages/index.ef:1:47", "platform variable `ip_whois` is not provided by pagec"],
    ],
  },
  {
    name: "PC2009: reserved @set targets, loop variables and component-argument keys",
    files: {
      "components/card.ef": "<b>{{ query }}</b>\n",
      "pages/index.ef": "@set(loop = 1)\n@foreach(var in [1])x@endforeach\n@component(\"card\", { query: 1, ok: 2 })\n",
    },
    expect: [
      ["PC2009", "pages/index.ef:1:6", "`loop` is a reserved name and cannot be assigned"],
      ["PC2009", "pages/index.ef:2:10", "`var` is a reserved name and cannot be assigned"],
      ["PC2009", "pages/index.ef:3:22", "`query` is a reserved name and cannot be assigned"],
    ],
  },
  {
    name: "PC2010: loop variables that hide an outer loop variable or a @set",
    files: { "pages/index.ef": "@foreach(x in [1])@foreach(x in [2]){{ x }}@endforeach@endforeach\n@set(item = 1)\n@foreach(item in [1]){{ item }}@endforeach\n" },
    expect: [
      ["PC2010", "pages/index.ef:1:28", "loop variable `x` hides the `x` defined on line 1"],
      ["PC2010", "pages/index.ef:3:10", "loop variable `item` hides the `item` defined on line 2"],
    ],
  },
  {
    name: "PC1043: a child block no layout defines",
    files: {
      "pages/layout.ef": "<main>@yield(\"content\")</main>\n",
      "pages/child.ef": "@extends(\"layout\")\n@block(\"content\")x@endblock\n@block(\"sidebar\")y@endblock\n",
    },
    expect: [["PC1043", "pages/child.ef:3:8", "block `sidebar` does not exist in layout `layout` and is never shown"]],
  },
  {
    name: "PC1062: output tags in <script> and <style>",
    files: { "variables.json": "{ \"a\": 1 }", "pages/index.ef": "<script>var x = {{ var.a }};</script>\n<script>var y = {{ var.a | json | raw }};</script>\n<style>p { color: {{ var.a }} }</style>\n" },
    expect: [
      ["PC1062", "pages/index.ef:1:17", "inside `<script>`, HTML escaping does not protect the value; write `{{ … | json | raw }}`"],
      ["PC1062", "pages/index.ef:3:19", "inside `<style>`, HTML escaping does not protect the value; write `{{ … | json | raw }}`"],
    ],
  },
  {
    name: "components: literal argument keys are known; unknown names are reported in the component",
    files: { "components/card.ef": "<p>{{ title }} {{ subtitle }}</p>\n", "pages/index.ef": "@component(\"card\", { title: 'A' })\n" },
    expect: [["PC2003", "components/card.ef:1:19", "`subtitle` is not defined and renders as an empty string"]],
  },
  {
    name: "components: a non-literal argument at any call site silences unknown names",
    files: { "components/card.ef": "<p>{{ title }} {{ subtitle }}</p>\n", "pages/index.ef": "@set(o = { title: 'A' })\n@component(\"card\", o)\n@component(\"card\", { title: 'B' })\n" },
    expect: [],
  },
  {
    name: "components no page uses are analysed on their own",
    files: { "components/unused.ef": "{{ nothing }}\n", "pages/index.ef": "<p>hi</p>\n" },
    expect: [["PC2003", "components/unused.ef:1:4", "`nothing` is not defined and renders as an empty string"]],
  },
  {
    name: "a component used by pages that do and do not set the key reports PC2001 once",
    files: {
      "components/card.ef": "{{ k }}\n",
      "pages/a.ef": "<script scope=\"backend\">setVariable('k', 1);</script>\n@component(\"card\")\n",
      "pages/b.ef": "@component(\"card\")\n",
    },
    expect: [["PC2001", "components/card.ef:1:4", "`k` is not defined in templates; values from `setVariable('k', …)` are read as `var.k`", "replace with `var.k`"]],
  },
  {
    name: "CRM checks on template calls of GetCrm*",
    files: { "site.json": CRM_SITE, "pages/index.ef": "{{ GetCrmField({ slug: 'pattern-trackr', fieldKey: 'goal_weight' }) }}\n{{ GetCrmEntries('notes') }}\n{{ GetCrmFields({ slug: 'pattern-tracker', fieldKeys: ['goal_weigth'] }) | json }}\n" },
    expect: [
      ["PC3017", "pages/index.ef:1:24", "CRM entity `pattern-trackr` is not declared in site.json (declared: `pattern-tracker`, `notes`)", "replace with `'pattern-tracker'`"],
      ["PC3010", "pages/index.ef:2:4", "`GetCrmEntries` takes a single options object: `GetCrmEntries({ slug })`", "rewrite as `GetCrmEntries({ slug: 'notes' })`"],
      ["PC3018", "pages/index.ef:3:56", "field `goal_weigth` is not declared for CRM entity `pattern-tracker` in site.json", "replace with `'goal_weight'`"],
    ],
  },
];

const render = (list: ReturnType<typeof check>) => own(list).map((d) => [d.code, where(d), d.message, ...d.suggestions.map((s) => s.title)]);

describe("template scope checks", () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(render(check(c.files))).toEqual(c.expect);
    });
    if (c.expect.some((e) => e.length > 3)) {
      it(`${c.name}: every fix removes its finding`, () => {
        for (const d of own(check(c.files))) {
          for (const s of d.suggestions) {
            const again = own(check(applySuggestion(c.files, s)));
            expect(again.filter((x) => x.code === d.code && where(x) === where(d) && x.message === d.message), `${d.code} ${s.title}`).toEqual([]);
          }
        }
      });
    }
  }
});
