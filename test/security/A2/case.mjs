import { readFileSync } from "node:fs";
const golden = JSON.parse(readFileSync(new URL("./globals.golden.json", import.meta.url), "utf8"));
const walker = `
const ivmClasses = ['Reference', 'ExternalCopy', 'Callback', 'Isolate', 'Context', 'Script', 'Module', 'NativeModule'];
const ivmMethods = ['deref', 'derefInto', 'applySync', 'applySyncPromise', 'applyIgnored', 'copyInto', 'release', 'getSync', 'setSync', 'evalClosure', 'compileScript'];
const found = [];
const seen = new Set();
const queue = [[globalThis, 'globalThis', 0]];
while (queue.length) {
  const [v, path, depth] = queue.shift();
  if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 8) continue;
  seen.add(v);
  let keys = [];
  try { keys = Reflect.ownKeys(v); } catch { continue; }
  for (const k of keys) {
    const name = typeof k === 'symbol' ? k.toString() : k;
    if (ivmMethods.includes(name) && !(name === 'deref' && path === 'globalThis.WeakRef.prototype')) found.push(path + '.' + name);
    let d; try { d = Object.getOwnPropertyDescriptor(v, k); } catch { continue; }
    if (!d) continue;
    if ('value' in d) {
      const val = d.value;
      if (val && (typeof val === 'object' || typeof val === 'function')) {
        let ctor; try { ctor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(val) ?? {}, 'constructor')?.value?.name; } catch {}
        if (ivmClasses.includes(ctor)) found.push(path + '.' + name + ':' + ctor);
      }
      queue.push([val, path + '.' + name, depth + 1]);
    } else {
      queue.push([d.get, path + '.' + name + '<get>', depth + 1]);
      queue.push([d.set, path + '.' + name + '<set>', depth + 1]);
    }
  }
  let p; try { p = Object.getPrototypeOf(v); } catch {}
  queue.push([p, path + '.__proto__', depth + 1]);
}
response.json({ names: Object.getOwnPropertyNames(globalThis).sort(), found, walked: seen.size, prelude: typeof globalThis['__pagec_' + 'prelude'], define: Object.getOwnPropertyDescriptor(globalThis, '__pagec_define')?.enumerable });
`;
export default {
  id: "A2",
  title: "no isolated-vm handle reachable; globals match the golden list",
  pages: { "a2.ef": `<script scope="backend">${walker}</script>\n` },
  requests: [{
    url: "/a2", status: 200,
    async check(res, expect) {
      const out = res.json();
      if (process.env.PAGEC_WRITE_GOLDEN) (await import('node:fs')).writeFileSync(new URL('./globals.golden.json', import.meta.url), JSON.stringify(out.names, null, 1) + '\n');
      expect(out.found).toEqual([]);
      expect(out.walked).toBeGreaterThan(100);
      expect(out.names).toEqual(golden);
      // The bundler's IIFE name stays on the global object but is neutralised; the define hook is not enumerable.
      expect(out.prelude).toBe("undefined");
      expect(out.define).toBe(false);
    },
  }],
};
