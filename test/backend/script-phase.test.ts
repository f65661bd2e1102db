// SPEC §4.1–§4.2, §5.7, §10.1 through runPage: Schema examples, the halting rule (try/catch/finally), effects kept
// when a later statement throws, error positions (second script block, inside a module), modules two levels
// deep, top-level return, and a layout whose unit halts the child unit.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, page, json, header, headersNamed, type Kit } from "./site-kit.js";

const ERR2 = `<h1>{{ var.first }}</h1>
<script scope="backend">
  setVariable('first', 'one');
</script>
<p>{{ var.second | default:'unset' }}</p>
<script scope="backend">
  setVariable('second', 'two');
  const thing = request.query.missing;
  const n = thing.length;
  setVariable('third', n);
</script>
<p>{{ var.third | default:'none' }}</p>`;

let k: Kit;
beforeAll(async () => {
  k = await startKit({
    "site.json": { id: "phase-site", typeCheck: "off" },
    "scripts/validators.js": `export const CheckInSchema = Schema.object({
  weight: Schema.number().required().min(50).max(500),
  unit:   Schema.string().valid('lbs', 'kg').default('lbs'),
  mood:   Schema.string().valid('great', 'ok', 'rough').default('ok'),
  note:   Schema.string().max(280).default(''),
});
`,
    "scripts/top.js": `// efmeta:{"code":"top"}
import { deep, counter } from "lib/deep";
import * as ns from "./lib/deep.js";
import dflt from "lib/deep";
setVariable('order', (getVariable('order') || []).concat(['top']));
export function viaTop(x) { return deep(x) + '/top'; }
export const sameNs = ns.deep === deep && dflt === 'default-of-deep';
export { counter };
`,
    "scripts/lib/deep.js": `let evaluated = 0;
evaluated++;
setVariable('order', (getVariable('order') || []).concat(['deep']));
export const counter = () => evaluated;
export function deep(x) { return 'deep:' + x; }
export function explode(v) {
  const list = v.items;
  return list.length;
}
export default 'default-of-deep';
`,
    "pages/schema.ef": page(`import { CheckInSchema } from "validators";
const Signup = Schema.object({
  email: Schema.string().required().email(),
  age:   Schema.number().integer().min(18),
  plan:  Schema.string().valid('free', 'pro').default('free'),
  tags:  Schema.array().items(Schema.string().max(20)).max(3).default([]),
});
const input = { email: 'a@b.co', age: '21', extra: 1 };
const a = Signup.validate(input);
const b = Signup.validate({ email: 'nope', age: 17.5, tags: ['x', 42] });
const dyn = Schema.object({ n: Schema.number(), b: Schema.boolean(), s: Schema.string().min(1).max(1), k: Schema.array().min(1) });
response.json({
  a, b, inputUntouched: input.extra === 1 && input.age === '21',
  c1: CheckInSchema.validate({ weight: '182.5', mood: 'great', extra: 'x' }),
  c2: CheckInSchema.validate({ weight: 20, unit: 'stone' }),
  c3: CheckInSchema.validate(null),
  conv: dyn.validate({ n: ' 3.14 ', b: '0', s: 'x', k: [1] }),
  bad: dyn.validate({ n: 'hello', b: 'yes', s: 'xy', k: [] }),
  empty: dyn.validate({ n: '', b: '', k: '' }),
});`),
    "pages/halt.ef": page(`
function helper() { response.json({ from: 'helper' }); setVariable('after_in_helper', 1); }
try { helper(); setHeader('X-After-Call', '1'); }
catch (e) { console.log('caught ' + e); setHeader('X-Caught', '1'); }
finally {
  let r;
  try { r = setHeader('X-Finally', '1'); } catch (e) { r = 'threw'; }
  try { console.log('finally log'); } catch (e) { }
  try { cookie.set('fin', '1'); } catch (e) { }
  try { session.set('fin', 1); } catch (e) { }
  try { response.json({ from: 'finally' }); } catch (e) { }
  try { redirect('/elsewhere'); } catch (e) { }
}
setHeader('X-After-Try', '1');`),
    "pages/halt-promise.ef": page(`
setHeader('X-Before', '1');
Promise.resolve().then(() => response.json({ first: true }));
await null;
await null;
try { response.send('second'); } catch (e) { }
setHeader('X-Late', '1');`),
    "pages/halt-catch.ef": page(`
const p = Promise.resolve().then(() => { response.json({ a: 1 }); setHeader('X-Then', '1'); });
p.catch(() => { setHeader('X-Catch', '1'); setVariable('caught', true); });
try { await p; } catch (e) { setHeader('X-Await-Catch', '1'); }
setHeader('X-After', '1');`),
    "pages/effects.ef": page(`
setVariable('before', 'kept');
setHeader('X-Before', 'yes');
cookie.set('c', '1');
session.set('s', 1);
if (request.query.status) response.status(404);
const boom = request.query.nothing;
boom.explode();
setVariable('after', 'ran');`, "<p>{{ var.before }} {{ var.after | default:'skipped' }}</p>"),
    "pages/err2.ef": ERR2,
    "pages/modules.ef": page(`import { viaTop, sameNs, counter } from "top";
import { deep } from "lib/deep";
setVariable('r', viaTop('x') + ' ' + deep('y') + ' ' + sameNs + ' ' + counter());`, "{{ var.r }} {{ var.order | join:',' }}"),
    "pages/module-error.ef": page(`import { explode } from "lib/deep";
setVariable('before', 'yes');
explode({});
setVariable('after', 'no');`, "{{ var.before }} {{ var.after | default:'skipped' }}"),
    "pages/early.ef": page(`setVariable('a', 'A');
if (request.query.stop) return;
setVariable('b', 'B');`, "{{ var.a }}{{ var.b | default:'-' }}"),
    "pages/guard-layout.ef": `<script scope="backend">
  setHeader('X-Layout', 'ran');
  if (request.query.deny) redirect('/denied');
  if (request.query.early) return;
  setVariable('layout', 'L');
</script>
<main>@block("content")x@endblock</main>`,
    "pages/guarded.ef": `@extends("guard-layout")
<script scope="backend">
  setHeader('X-Child', 'ran');
  session.set('child', 1);
  setVariable('child', 'C');
</script>
@block("content"){{ var.layout | default:'-' }}{{ var.child }}@endblock`,
  });
});
afterAll(async () => { await k?.stop(); });

describe("Schema (SPEC §5.7, §10.1)", () => {
  it("§5.7 Signup example: coercion, defaults, unknown keys dropped, input untouched", async () => {
    const out = json(await k.run("/schema"));
    expect(out.a).toEqual({ valid: true, value: { email: "a@b.co", age: 21, plan: "free", tags: [] }, errors: [] });
    expect(out.inputUntouched).toBe(true);
    expect(out.b).toEqual({ valid: false, value: null, errors: ['"email" must be a valid email address', '"age" must be an integer', '"tags[1]" must be a string'] });
  });
  it("§10.1 CheckInSchema from a module: conversion, defaults, messages, root rule", async () => {
    const out = json(await k.run("/schema"));
    expect(out.c1).toEqual({ valid: true, value: { weight: 182.5, unit: "lbs", mood: "great", note: "" }, errors: [] });
    expect(out.c2).toEqual({ valid: false, value: null, errors: ['"weight" must be at least 50', '"unit" must be one of "lbs", "kg"'] });
    expect(out.c3).toEqual({ valid: false, value: null, errors: ['"weight" is required'] });
  });
  it("§5.4/§5.5 conversions and messages; empty strings are absent for number/boolean/array", async () => {
    const out = json(await k.run("/schema"));
    expect(out.conv).toEqual({ valid: true, value: { n: 3.14, b: false, s: "x", k: [1] }, errors: [] });
    expect(out.bad.errors).toEqual(['"n" must be a number', '"b" must be a boolean', '"s" must be at most 1 character', '"k" must contain at least 1 item']);
    expect(out.empty).toEqual({ valid: true, value: {}, errors: [] });
  });
});

describe("halting (SPEC §4.1)", () => {
  it("response.json in a helper inside try/catch halts: no catch, no code after, finally has no effect", async () => {
    const r = await k.run("/halt");
    expect(r.status).toBe(200);
    expect(r.body).toBe('{"from":"helper"}');
    expect(header(r, "content-type")).toBe("application/json; charset=utf-8");
    for (const h of ["x-after-call", "x-caught", "x-finally", "x-after-try"]) expect(header(r, h), h).toBeUndefined();
    expect(headersNamed(r, "set-cookie")).toEqual([]);
    expect(r.logs.filter((l) => l.level !== "error").map((l) => l.text)).toEqual([]);
  });
  it("the first terminal call decides the response even when made in a promise callback", async () => {
    const r = await k.run("/halt-promise");
    expect(r.body).toBe('{"first":true}');
    expect(header(r, "x-before")).toBe("1");
    expect(header(r, "x-late")).toBeUndefined();
  });
});

describe("halting through promise rejection handlers", () => {
  it("a .catch() handler and an awaiting try/catch cannot act after a terminal call", async () => {
    const r = await k.run("/halt-catch");
    expect(r.body).toBe('{"a":1}');
    for (const h of ["x-then", "x-catch", "x-await-catch", "x-after"]) expect(header(r, h), h).toBeUndefined();
  });
});

describe("failures keep earlier effects (SPEC §4.1, §6.4)", () => {
  it("the page renders with status 200, variables, headers, cookies and the session write made before the throw", async () => {
    const r = await k.run("/effects");
    expect(r.status).toBe(200);
    expect(r.body).toBe("<p>kept skipped</p>");
    expect(header(r, "x-before")).toBe("yes");
    const cookies = headersNamed(r, "set-cookie");
    expect(cookies[0]).toBe("c=1; Path=/; SameSite=Lax");
    expect(cookies[1]).toMatch(/^pagec_sid=/);
    const err = r.logs.find((l) => l.level === "error")!;
    expect(err.text).toMatch(/^TypeError: /);
    expect(err.text).not.toContain("pagec");
    expect([err.file, err.line]).toEqual(["pages/effects.ef", 9]);
  });
  it("keeps a status set before the failure", async () => {
    const r = await k.run("/effects?status=1");
    expect(r.status).toBe(404);
    expect(r.body).toBe("<p>kept skipped</p>");
  });
  it("reports an error in the second script block at the page's own line and column", async () => {
    const r = await k.run("/err2");
    expect(r.status).toBe(200);
    expect(r.body).toBe("<h1>one</h1>\n<p>two</p>\n<p>none</p>");
    const err = r.logs.find((l) => l.level === "error")!;
    expect(err.text).toMatch(/^TypeError: .*length/);
    const lines = ERR2.split("\n");
    const line = lines.findIndex((l) => l.includes("thing.length")) + 1;
    expect([err.file, err.line]).toEqual(["pages/err2.ef", line]);
    expect(err.column).toBe(lines[line - 1].indexOf(".length") + 2);
    expect(err.stack?.[0]).toBe(`pages/err2.ef:${line}:${err.column}`);
  });
  it("reports an error inside a module at the module's line, with the page frame below it", async () => {
    const r = await k.run("/module-error");
    expect(r.body).toBe("yes skipped");
    const err = r.logs.find((l) => l.level === "error")!;
    expect(err.text).toMatch(/^TypeError: .*length/);
    expect([err.file, err.line, err.column]).toEqual(["scripts/lib/deep.js", 8, 15]);
    expect(err.stack).toEqual(["scripts/lib/deep.js:8:15", "pages/module-error.ef:4:1"]);
  });
});

describe("modules (SPEC §4.2)", () => {
  it("imports two levels deep; each module is evaluated once per request, deepest first; namespace and default imports", async () => {
    const r = await k.run("/modules");
    expect(r.logs.filter((l) => l.level === "error")).toEqual([]);
    expect(r.body).toBe("deep:x/top deep:y true 1 deep,top");
    expect((await k.run("/modules")).body).toBe("deep:x/top deep:y true 1 deep,top");
  });
});

describe("top-level return and layout chains", () => {
  it("a top-level return ends the unit; the page still renders", async () => {
    expect((await k.run("/early")).body).toBe("AB");
    expect((await k.run("/early?stop=1")).body).toBe("A-");
  });
  it("layout unit runs first, then the child unit", async () => {
    const r = await k.run("/guarded");
    expect(r.body).toBe("<main>LC</main>");
    expect(header(r, "x-layout")).toBe("ran");
    expect(header(r, "x-child")).toBe("ran");
  });
  it("a top-level return in the layout unit ends only that unit; the child unit still runs", async () => {
    const r = await k.run("/guarded?early=1");
    expect(r.body).toBe("<main>-C</main>");
    expect(header(r, "x-child")).toBe("ran");
  });
  it("a terminal call in the layout unit halts the child unit", async () => {
    const r = await k.run("/guarded?deny=1");
    expect(r.status).toBe(302);
    expect(header(r, "location")).toBe("/denied");
    expect(r.body).toBe("");
    expect(header(r, "x-layout")).toBe("ran");
    expect(header(r, "x-child")).toBeUndefined();
    expect(headersNamed(r, "set-cookie")).toEqual([]);
  });
});
