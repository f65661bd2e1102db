const probe = `
const names = ['process', 'require', 'module', 'Buffer', 'global', '__pagecHost', 'ivm'];
const out = {};
function tryIt(label, make) {
  try {
    const f = make();
    const g = f('return globalThis');
    const got = typeof g === 'function' ? g() : g;
    out[label] = names.map((n) => typeof (got instanceof Promise ? undefined : got)?.[n]).join(',');
  } catch (e) { out[label] = 'threw:' + (e && e.name); }
}
tryIt('objectCtor', () => ({}).constructor.constructor);
tryIt('globalCtor', () => globalThis.constructor.constructor);
tryIt('protoChain', () => Object.getPrototypeOf(globalThis).constructor.constructor);
tryIt('errorCtor', () => { try { null.x; } catch (e) { return e.constructor.constructor; } });
tryIt('asyncCtor', () => (async () => {}).constructor);
tryIt('genCtor', () => (function* () {}).constructor);
out.sameFunction = ({}).constructor.constructor === Function;
out.direct = names.map((n) => typeof globalThis[n]).join(',');
try { out.fnProcess = String(Function('return typeof process')()); } catch (e) { out.fnProcess = 'threw:' + e.name; }
response.json(out);
`;
export default {
  id: "A1",
  title: "constructor-chain escapes stay inside the isolate",
  pages: { "a1.ef": `<script scope="backend">${probe}</script>\n` },
  requests: [{
    url: "/a1", status: 200,
    check(res, expect) {
      const out = res.json();
      const allUndefined = "undefined,undefined,undefined,undefined,undefined,undefined,undefined";
      expect(out.sameFunction).toBe(true);
      expect(out.direct).toBe(allUndefined);
      for (const k of ["objectCtor", "globalCtor", "protoChain", "errorCtor", "genCtor"]) expect([allUndefined, expect.stringMatching(/^threw:/)]).toContainEqual(out[k]);
      expect(out.fnProcess === "undefined" || out.fnProcess.startsWith("threw:")).toBe(true);
    },
  }],
};
