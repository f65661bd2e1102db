// Table checks of compiler/expr/check.ts: PC2004/2005/2007/2008, PC1050/1051/1052/1057/1063, with messages,
// ranges and suggestions as SPEC §7.3 writes them.
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../compiler/expr/parse.js";
import { checkExpression, type CheckContext } from "../../compiler/expr/check.js";

function check(text: string, ctx: CheckContext = {}) {
  const { expr, errors } = parseExpression(text, 0);
  expect(errors).toEqual([]);
  return checkExpression(expr!, ctx).map((e) => ({ ...e, at: text.slice(e.start, e.end) }));
}
const codes = (text: string, ctx: CheckContext = {}) => check(text, ctx).map((e) => e.code);

describe("PC2005 unknown filter", () => {
  it("suggests the closest filter (Example D)", () => {
    const text = "var.brand_name | capitalise";
    expect(check(text)).toEqual([{
      code: "PC2005", message: "unknown filter `capitalise`", start: 17, end: 27, at: "capitalise",
      suggestions: [{ title: "replace with `capitalize`", edits: [{ start: 17, end: 27, newText: "capitalize" }] }],
    }]);
  });
  it("hints at platform filters without a suggestion", () => {
    const [e] = check("p | formatPrice");
    expect(e).toMatchObject({ code: "PC2005", message: "unknown filter `formatPrice`; pagec does not provide this platform filter", at: "formatPrice" });
    expect(e.suggestions ?? []).toEqual([]);
    expect(check("p | t")[0].message).toBe("unknown filter `t`; pagec does not provide this platform filter");
  });
  it("has no suggestion when nothing is close", () => {
    expect(check("x | zzzzzzzz")).toMatchObject([{ message: "unknown filter `zzzzzzzz`", suggestions: [] }]);
  });
  it("does not treat Object.prototype names as filters", () => {
    expect(codes("x | constructor")).toEqual(["PC2005"]);
    expect(codes("x | toString")).toEqual(["PC2005"]);
  });
  it("checks filters nested anywhere", () => {
    expect(codes("f(x | nope) + [y | nope2]")).toEqual(["PC2004", "PC2005", "PC2005"]);
  });
});

describe("PC2007 filter argument count", () => {
  it.each([
    ["x | replace:'-'", "filter `replace` takes 2 arguments, not 1"],
    ["x | default", "filter `default` takes 1 argument, not 0"],
    ["x | default:1:2", "filter `default` takes 1 argument, not 2"],
    ["x | slice", "filter `slice` takes 1 or 2 arguments, not 0"],
    ["x | yesno:'a'", "filter `yesno` takes 0, 2 or 3 arguments, not 1"],
    ["x | upper:1", "filter `upper` takes 0 arguments, not 1"],
    ["x | round:1:2", "filter `round` takes 0 or 1 arguments, not 2"],
    ["x | replace('a')", "filter `replace` takes 2 arguments, not 1"],
  ])("%s", (text, message) => {
    const [e] = check(text);
    expect({ code: e.code, message: e.message }).toEqual({ code: "PC2007", message });
    expect(e.at).toBe(text.slice(4).replace(/[:(].*/, ""));
  });
  it.each(["x | yesno", "x | yesno:'a':'b'", "x | yesno:'a':'b':'c'", "x | slice:1:-1", "x | replace('a', 'b')"])("accepts %s", (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe("PC2004 unknown template function", () => {
  it("camelCase CRM read → PascalCase fix (Example D)", () => {
    const text = "getCrmField({ slug: 'pattern-tracker', fieldKey: 'goal_weight' })";
    expect(check(text)).toEqual([{
      code: "PC2004", message: "unknown template function `getCrmField`; CRM functions are PascalCase in templates",
      start: 0, end: 11, at: "getCrmField",
      suggestions: [{ title: "replace with `GetCrmField`", edits: [{ start: 0, end: 11, newText: "GetCrmField" }] }],
    }]);
  });
  it.each(["SetCrmField", "setCrmField", "ClearCrmEntries", "AddCrmFieldValue", "MoveCrmToStage", "EnsureCrmEntity", "CreateCrmEntry", "SetCrmRelation"])("CRM write %s", (name) => {
    expect(check(`${name}({})`)).toMatchObject([{ code: "PC2004", message: `unknown template function \`${name}\`; templates can only read CRM data, so do this write in the backend script`, at: name }]);
  });
  it.each(["asset", "t", "getProduct", "getOrders", "getSubscriptions", "getCourses", "buy", "upsell", "getCoursesForCustomerByCategorySlug"])("platform function %s", (name) => {
    expect(check(`${name}(1)`)).toMatchObject([{ code: "PC2004", message: `unknown template function \`${name}\`; pagec does not provide this platform function`, at: name }]);
  });
  it("suggests the closest function otherwise", () => {
    expect(check("dumb(x)")).toMatchObject([{ code: "PC2004", message: "unknown template function `dumb`", suggestions: [{ title: "replace with `dump`" }] }]);
    expect(check("json(x)")).toMatchObject([{ code: "PC2004", message: "unknown template function `json`" }]);
    expect(check("constructor(x)")).toMatchObject([{ code: "PC2004" }]);
  });
});

describe("PC2008 function argument count", () => {
  it.each([
    ["dump()", "`dump` takes 1 argument, not 0", "dump"],
    ["getCustomer(1)", "`getCustomer` takes 0 arguments, not 1", "getCustomer"],
    ["getSessionItem('a', 'b')", "`getSessionItem` takes 1 argument, not 2", "getSessionItem"],
  ])("%s", (text, message, at) => {
    expect(check(text)).toMatchObject([{ code: "PC2008", message, at }]);
  });
  it("accepts correct calls", () => {
    expect(check("dump(var.user) + getCustomer() + GetCrmEntries({ slug: 'x' })")).toEqual([]);
  });
});

describe("raw and nl2br", () => {
  it("PC1050 when raw is not last", () => {
    expect(check("x | raw | upper")).toMatchObject([{ code: "PC1050", message: "`raw` only has an effect as the last filter", at: "raw" }]);
    expect(codes("(x | raw) + y")).toEqual(["PC1050"]);
    expect(codes("x | upper | raw")).toEqual([]);
  });
  it("PC1051 when nl2br output is escaped again, with an insert fix", () => {
    const text = "var.bio | nl2br";
    expect(check(text)).toEqual([{
      code: "PC1051", message: "the `<br>` tags from `nl2br` are escaped again; add `| raw` after it", start: 10, end: 15, at: "nl2br",
      suggestions: [{ title: "insert ` | raw`", edits: [{ start: 15, end: 15, newText: " | raw" }] }],
    }]);
    expect(check("var.bio | nl2br | raw")).toEqual([]);
    expect(codes("var.bio | nl2br | upper")).toEqual(["PC1051"]);
    expect(codes("var.bio | nl2br", { isOutput: false })).toEqual([]);
    expect(codes("var.bio | nl2br", { isCondition: true })).toEqual([]);
  });
  it("PC1063 on raw request data", () => {
    expect(check("request.body.email | raw")).toMatchObject([{ code: "PC1063", message: "`raw` outputs visitor-controlled HTML from `request.body.email`", at: "raw" }]);
    expect(check("query.q | default:'' | raw")).toMatchObject([{ code: "PC1063", message: "`raw` outputs visitor-controlled HTML from `query.q`" }]);
    expect(check("'<b>' + route_params.sku | raw")).toMatchObject([{ code: "PC1063", message: "`raw` outputs visitor-controlled HTML from `route_params.sku`" }]);
    expect(check("query[k].x | raw")).toMatchObject([{ code: "PC1063", message: "`raw` outputs visitor-controlled HTML from `query`" }]);
    expect(check("dump(request) | raw")).toMatchObject([{ code: "PC1063", message: "`raw` outputs visitor-controlled HTML from `request`" }]);
  });
  it("no PC1063 for neutralised or unrelated data", () => {
    for (const text of ["request.body.bio | nl2br | raw", "request.body | json | raw", "query.q | url_encode | raw", "var.html | raw", "request.is_mobile ? '<b>m</b>' : '' | raw", "(query.n * 2) | raw", "var.x[query.k] | raw"]) {
      expect(check(text), text).toEqual([]);
    }
    expect(codes("request.body.x | raw", { isOutput: false })).toEqual([]);
  });
});

describe("PC1052 date formats", () => {
  it.each([
    ["d MMM yyyy", null],
    ["yyyy-MM-dd HH:mm:ss", null],
    ["h:mm 'at' d", null],
    ["d 'o''clock'", null],
    ["''d", null],
    ["D MMM YYYY", { letters: "D, YYYY", fixed: "'d MMM yyyy'" }],
    ["YYYY-MM-DD", { letters: "YYYY, DD", fixed: "'yyyy-MM-dd'" }],
    ["DD/MM/YY", { letters: "DD, YY", fixed: "'dd/MM/yy'" }],
    ["d MMM yyyy at HH", { letters: "at", fixed: "'d MMM yyyy \\'at\\' HH'" }],
  ])("%s", (format, expected) => {
    const text = `x | date:${JSON.stringify(format)}`;
    const found = check(text);
    if (!expected) return expect(found).toEqual([]);
    expect(found).toEqual([{
      code: "PC1052", message: `\`${expected.letters}\` in a date format is not a token and is output as is`,
      start: 9, end: text.length, at: JSON.stringify(format),
      suggestions: [{ title: `replace with \`${expected.fixed}\``, edits: [{ start: 9, end: text.length, newText: expected.fixed }] }],
    }]);
  });
  it("also checks the call form, and not non-literal formats", () => {
    expect(codes("x | date('YYYY')")).toEqual(["PC1052"]);
    expect(codes("x | date:fmt")).toEqual([]);
  });
});

describe("PC1057 symbolic comparisons in conditions", () => {
  it.each([
    ["a < b", "<", "lt", "lt"],
    ["a<b", "<", "lt", " lt "],
    ["a <= b", "<=", "lte", "lte"],
    ["(a)>b", ">", "gt", "gt "],
    ["a >=(b)", ">=", "gte", "gte"],
    ["a>=-b", ">=", "gte", " gte "],
  ])("%s", (text, op, word, newText) => {
    const [e] = check(text, { isCondition: true });
    const start = text.indexOf(op);
    expect(e).toEqual({
      code: "PC1057", message: `prefer \`${word}\` to \`${op}\` in conditions`, start, end: start + op.length, at: op,
      suggestions: [{ title: `replace with \`${word}\``, edits: [{ start, end: start + op.length, newText }] }],
    });
  });
  it("only in conditions, and not for word operators or equality", () => {
    expect(codes("a < b")).toEqual([]);
    expect(codes("a lt b and c == d", { isCondition: true })).toEqual([]);
    expect(codes("dump(a < b) or c > d", { isCondition: true })).toEqual(["PC1057", "PC1057"]);
  });
});
