// precompileSchemas: counts, rewriting, const bindings, and that rewritten code behaves like the original.
import * as acorn from "acorn";
import MagicString from "magic-string";
import { describe, expect, it } from "vitest";
import { Schema } from "../../compiler/prelude/schema/index.js";
import { precompileSchemas } from "../../compiler/schema/index.js";
import { pc } from "./support.js";

function run(code: string, enabled = true, offset = 0) {
  const program = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" });
  const prefix = "x".repeat(offset);
  const s = new MagicString(prefix + code);
  const result = precompileSchemas(program, code, s, { offset, enabled });
  return { ...result, out: s.toString().slice(offset) };
}

/** Evaluates script code (no import/export) and returns the named bindings. */
function evaluate(code: string, names: string[]): Record<string, any> {
  return new Function("Schema", "__pc", code + "\nreturn { " + names.join(", ") + " };")(Schema, pc);
}

const CHECKIN = `export const CheckInSchema = Schema.object({
  weight: Schema.number().required().min(50).max(500),
  unit:   Schema.string().valid('lbs', 'kg').default('lbs'),
  mood:   Schema.string().valid('great', 'ok', 'rough').default('ok'),
  note:   Schema.string().max(280).default(''),
});

export function mustBeLoggedIn() {
  if (!is_customer) {
    response.status(401);
    response.json({ ok: false, error: 'login required' });
  }
}`;

describe("counts", () => {
  const cases: Array<[string, string, number, number]> = [
    ["§10.1 validators module", CHECKIN, 1, 0],
    ["§10.3 LoginSchema", "export const LoginSchema = Schema.object({\n  email: Schema.string().required().email(),\n  pin: Schema.string().required().pattern(/^\\d{4}$/),\n});", 1, 0],
    ["custom is dynamic", "const A = Schema.string().custom((v) => v ? undefined : 'bad');", 0, 1],
    ["identifier argument is dynamic", "const n = 5; const A = Schema.string().min(n);", 0, 1],
    ["const schema reference is static", "const A = Schema.string().min(1); const B = Schema.object({ a: A, b: Schema.array().items(A) });", 2, 0],
    ["imported schema is dynamic", "import { A } from 'v'; const B = Schema.object({ a: A });", 0, 1],
    ["let binding is dynamic", "let A = Schema.string(); const B = Schema.object({ a: A });", 1, 1],
    ["shadowed const is dynamic", "const A = Schema.string(); function f(A) { return Schema.object({ a: A }); }", 1, 1],
    ["static inside dynamic", "const B = Schema.object({ a: Schema.string() }).custom(() => '');", 1, 1],
    ["const in a block, used inside it", "if (x) { const A = Schema.string(); const B = Schema.object({ a: A }); }", 2, 0],
    ["const in a block, used outside it", "if (x) { const A = Schema.string(); } const B = Schema.object({ a: A });", 1, 1],
    ["const in a function body", "function f() { const A = Schema.number(); return Schema.array().items(A); }", 2, 0],
    ["no schemas", "const x = 1; validate(x);", 0, 0],
    ["validate ends the chain", "const r = Schema.string().min(1).validate(request.query.q);", 1, 0],
    ["local Schema is not the global", "const Schema = { string() {} }; Schema.string();", 0, 0],
    ["default and valid literals", "const A = Schema.any().default({ a: [1, -2, 'x', null, true] }).valid(1, -1, `t`);", 1, 0],
    ["computed key is dynamic (its static value is precompiled alone)", "const k = 'a'; const A = Schema.object({ [k]: Schema.string() });", 1, 1],
    ["method on wrong type is dynamic", "const A = Schema.number().email();", 0, 1],
    ["bad literal argument is dynamic", "const A = Schema.string().min(-1);", 0, 1],
  ];
  for (const [name, code, pre, dyn] of cases) {
    it(name, () => {
      const r = run(code);
      expect([r.precompiled, r.dynamic]).toEqual([pre, dyn]);
    });
  }
  it("disabled: nothing rewritten, every schema counts as dynamic", () => {
    const r = run(CHECKIN, false);
    expect(r).toMatchObject({ precompiled: 0, dynamic: 1, out: CHECKIN });
  });
});

describe("rewriting", () => {
  it("wraps the maximal static expression and keeps its text", () => {
    const code = "const A = Schema.string().min(1);\nconst r = A.validate('');";
    const r = run(code, true, 7);
    expect(r.out.startsWith("const A = __pc.schema(Schema.string().min(1), (function (sh) {")).toBe(true);
    expect(r.out.split("\n")[1]).toBe("const r = A.validate('');");
  });
  it("rewritten code validates like the original", () => {
    const code = CHECKIN.replace(/export /g, "");
    const out = run(code).out;
    const pre = evaluate(out, ["CheckInSchema"]).CheckInSchema;
    const orig = evaluate(code, ["CheckInSchema"]).CheckInSchema;
    for (const body of [null, { weight: "182.5", mood: "great", extra: "x" }, { weight: 20, unit: "stone" }, { weight: "" }]) {
      expect(pre.validate(body)).toStrictEqual(orig.validate(body));
    }
    expect(pre.validate({ weight: 20, unit: "stone" }).errors).toEqual(['"weight" must be at least 50', '"unit" must be one of "lbs", "kg"']);
    // Chaining on a precompiled schema gives an ordinary schema with the same behaviour.
    expect(pre.required().validate(null)).toStrictEqual(orig.required().validate(null));
    expect(Object.keys(pre)).toEqual(Object.keys(orig));
  });
  it("const references are inlined and nested statics are not wrapped twice", () => {
    const code = "const A = Schema.string().min(2).label('Name'); const B = Schema.object({ a: A, list: Schema.array().items(A) });";
    const r = run(code);
    expect(r.out.match(/__pc\.schema\(/g)?.length).toBe(2);
    const { B } = evaluate(r.out, ["B"]);
    const { B: B0 } = evaluate(code, ["B"]);
    const input = { a: "x", list: ["ok", "y", 3] };
    expect(B.validate(input)).toStrictEqual(B0.validate(input));
    expect(B.validate(input).errors).toEqual(['"Name" must be at least 2 characters', '"Name" must be at least 2 characters', '"Name" must be a string']);
  });
  it("runtime TypeErrors still happen where they did", () => {
    const code = "const A = Schema.string().valid(); ";
    expect(() => evaluate(run(code).out, ["A"])).toThrow(TypeError);
  });
});
