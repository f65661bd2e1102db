// The script phase (SPEC §4.1, §8.5): terminal calls halt everything, try/catch/finally cannot intercept,
// failures keep earlier effects and become one error effect, and the API refuses work after the phase.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Sandbox, out } from "./harness.js";

const sb = new Sandbox();
beforeAll(() => sb.load());
afterAll(() => sb.dispose());

const types = (effects: any[]) => effects.map((e) => e.t);

describe("halting", () => {
  it("response.json inside a helper called inside try/catch still halts (catch has the bundler's rethrow)", async () => {
    const r = await sb.run({
      units: [
        `function helper() { response.json({ a: 1 }); setVariable("after_in_helper", 1); }
         try { helper(); setVariable("after_call", 1); } catch (e) { __pc.rethrow(e); setVariable("in_catch", 1); }
         setVariable("after_try", 1);`,
        `setVariable("unit2", 1);`,
      ],
    });
    expect(r.effects).toEqual([{ t: "respond", kind: "json", status: null, body: '{"a":1}', location: null }]);
  });

  it("finally code that calls setVariable has no effect, and the finally's error does not become an error effect", async () => {
    const r = await sb.run({ units: [`try { response.send("x"); } finally { setVariable("fin", 1); }`] });
    expect(r.effects).toEqual([{ t: "respond", kind: "send", status: null, body: "x", location: null }]);
  });

  it("a .catch() handler that swallows the halt cannot act: every API call throws the halt again", async () => {
    const r = await sb.run({
      units: [`await Promise.resolve().then(() => redirect("/next")).catch(() => { try { setVariable("swallowed", 1); } catch (e2) { } });
               setVariable("after", 1);`],
    });
    expect(r.effects).toEqual([{ t: "respond", kind: "redirect", status: 302, body: "", location: "/next" }]);
  });

  it("the first terminal call decides; status set before it is carried", async () => {
    const r = await sb.run({ units: [`response.status(201).json([1]);`] });
    expect(r.effects).toEqual([{ t: "status", code: 201 }, { t: "respond", kind: "json", status: 201, body: "[1]", location: null }]);
  });

  it("keeps effects made before an uncaught error and skips later statements and units", async () => {
    const r = await sb.run({ units: [`setVariable("a", 1); response.status(404); null.x; setVariable("b", 2);`, `setVariable("c", 3);`] });
    expect(types(r.effects)).toEqual(["var", "status", "error"]);
    expect(r.effects[2].name).toBe("TypeError");
    expect(r.effects[2].message).toMatch(/null/);
    expect(typeof r.effects[2].stack).toBe("string");
  });

  it("a rejected top-level promise is an error effect", async () => {
    const r = await sb.run({ units: [`setVariable("a", 1); await Promise.reject(new RangeError("nope"));`] });
    expect(r.effects.slice(1)).toEqual([{ t: "error", name: "RangeError", message: "nope", stack: expect.stringContaining("RangeError: nope") }]);
  });

  it("a thrown non-Error value is reported with its text", async () => {
    const r = await sb.run({ units: [`throw "plain";`] });
    expect(r.effects).toEqual([{ t: "error", name: "Error", message: "plain", stack: "" }]);
  });

  it("a hostile thrown object cannot break error reporting", async () => {
    const r = await sb.run({ units: [`throw { get name() { throw 1; }, message: "m" };`] });
    expect(r.effects).toEqual([{ t: "error", name: "Error", message: "m", stack: "" }]);
  });

  it("top-level return ends only its unit; units run in order", async () => {
    const r = await sb.run({ units: [`setVariable("a", 1); return; setVariable("x", 1);`, `setVariable("b", 2);`] });
    expect(r.effects.map((e) => e.key)).toEqual(["a", "b"]);
  });

  it("top-level this is undefined", async () => {
    const r = await sb.run({ units: [out("this === undefined")] });
    expect(r.effects[0].value).toBe(true);
  });

  it("the phase promise resolves at the terminal call even when the unit never settles", async () => {
    const r = await sb.run({ units: [`Promise.resolve().then(() => response.send("early")).catch(() => {}); await new Promise(() => {});`] });
    expect(r.effects).toEqual([{ t: "respond", kind: "send", status: null, body: "early", location: null }]);
  });

  it("an unhandled halt rejection surfaces through isolated-vm as a PagecHalt, with the respond effect already kept", async () => {
    const r = await sb.run({ units: [`Promise.resolve().then(() => response.send("early")); await new Promise(() => {});`], allowApplyError: true });
    expect(r.effects).toEqual([{ t: "respond", kind: "send", status: null, body: "early", location: null }]);
    expect((r.applyError as any)?.name).toBe("PagecHalt");
  });

  it("after the phase ended, every API function throws the 'already finished' error", async () => {
    const r = await sb.run({ units: [`globalThis.later = () => { try { setVariable("late", 1); return "no throw"; } catch (e) { return e.message; } };`] });
    expect(await r.evalAfter("return later()")).toBe("pagec: the backend script has already finished");
    for (const call of [`console.log(1)`, `getVariable("a")`, `session.get("a")`, `getCrmField({slug:"tracker",fieldKey:"w"})`, `response.status(200)`, `cookie.set("a","b")`, `getCustomer()`, `setHeader("X-A","b")`]) {
      expect(await r.evalAfter(`try { ${call}; return "no throw"; } catch (e) { return e.message; }`)).toBe("pagec: the backend script has already finished");
    }
    expect(r.effects).toEqual([]);
  });

  it("__pc.rethrow rethrows only during a halt", async () => {
    const r = await sb.run({ units: [`try { throw new Error("x"); } catch (e) { __pc.rethrow(e); setVariable("caught", e.message); }`] });
    expect(r.effects).toEqual([{ t: "var", key: "caught", value: "x" }]);
  });

  it("a factory that throws becomes an error effect", async () => {
    const r = await sb.run({ units: [], bundle: "" });
    expect(r.effects).toEqual([]);
  });

  it("argument errors of terminal calls do not halt", async () => {
    const r = await sb.run({ units: [`try { redirect("//evil.com"); } catch (e) { __pc.rethrow(e); setVariable("e", e.message); } response.status(200); `] });
    expect(r.effects).toEqual([{ t: "var", key: "e", value: "redirect: URL not allowed" }, { t: "status", code: 200 }]);
  });

  it("response.json with a cycle or BigInt throws TypeError and sends nothing", async () => {
    const r = await sb.run({ units: [`const a = {}; a.a = a; for (const v of [a, 1n]) { try { response.json(v); } catch (e) { __pc.rethrow(e); setVariable("e", e.name); } }`] });
    expect(r.effects).toEqual([{ t: "var", key: "e", value: "TypeError" }, { t: "var", key: "e", value: "TypeError" }]);
  });

  it("a toJSON that makes its own terminal call wins, the outer json reports nothing", async () => {
    const r = await sb.run({ units: [`response.json({ toJSON() { response.send("inner"); } });`] });
    expect(r.effects).toEqual([{ t: "respond", kind: "send", status: null, body: "inner", location: null }]);
  });
});
