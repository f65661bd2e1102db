// Identifier walker and member paths used by the analysis for name resolution (PC2001–PC2003, PC2011).
import { describe, expect, it } from "vitest";
import { parseExpression } from "../../compiler/expr/parse.js";
import { memberPath, pathText, visitIdentifiers } from "../../compiler/expr/walk.js";

const p = (t: string) => parseExpression(t, 0).expr!;
function uses(text: string): string[] {
  const out: string[] = [];
  visitIdentifiers(p(text), (id, path) => out.push(`${id.name}:${pathText(path)}@${path[0].start}-${path[path.length - 1].node.end}`));
  return out;
}

describe("visitIdentifiers", () => {
  it.each([
    ["greeting", ["greeting:greeting@0-8"]],
    ["var.motto", ["var:var.motto@0-9"]],
    ["var.a.b | default:c", ["var:var.a.b@0-7", "c:c@18-19"]],
    ["var['a-b'].c", ['var:var["a-b"].c@0-12']],
    ["var.a[i].b", ["var:var.a@0-5", "i:i@6-7"]],
    ["x[y.z]", ["x:x@0-1", "y:y.z@2-5"]],
    ["dump(a) + GetCrmField({ slug: s, fieldKey })", ["a:a@5-6", "s:s@30-31", "fieldKey:fieldKey@33-41"]],
    ["f(1).x", []],
    ["{ a: 1, b: 'x' }.a", []],
    ["loop.index == 0 ? item.name : (k | upper)", ["loop:loop.index@0-10", "item:item.name@18-27", "k:k@31-32"]],
    ["not a and -b or [c]", ["a:a@4-5", "b:b@11-12", "c:c@17-18"]],
    ["x | slice:n:m", ["x:x@0-1", "n:n@10-11", "m:m@12-13"]],
  ])("%s", (text, expected) => expect(uses(text)).toEqual(expected));

  it("reports the identifier node itself", () => {
    const ids: unknown[] = [];
    visitIdentifiers(p("request.query.go"), (id) => ids.push(id));
    expect(ids).toEqual([{ type: "Identifier", name: "request", start: 0, end: 7 }]);
  });
});

describe("memberPath", () => {
  it("turns a static chain into named segments with ranges", () => {
    const path = memberPath(parseExpression(" var.a.b", 10).expr!);
    expect(path!.map(({ name, start, end }) => ({ name, start, end }))).toEqual([
      { name: "var", start: 11, end: 14 },
      { name: "a", start: 15, end: 16 },
      { name: "b", start: 17, end: 18 },
    ]);
    expect(path!.map((s) => [s.node.start, s.node.end])).toEqual([[11, 14], [11, 16], [11, 18]]);
  });
  it("accepts literal computed steps and rejects dynamic ones", () => {
    expect(memberPath(p("a['b'][0]"))!.map((s) => s.name)).toEqual(["a", "b", "0"]);
    expect(memberPath(p("a[b]"))).toBeNull();
    expect(memberPath(p("f().a"))).toBeNull();
    expect(memberPath(p("1 + 2"))).toBeNull();
    expect(memberPath(p("a"))!.map((s) => s.name)).toEqual(["a"]);
  });
});
