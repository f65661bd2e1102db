// SPEC §4.4.4–§4.4.7, §6.7 through runPage: session.get/set and reserved keys, session items, the customer
// (setCustomer/clearCustomer/customer/is_customer/getCustomer), tokens, setVariable/getVariable and console.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startKit, jsonPage, page, json, headersNamed, logTexts, sessionPair, type Kit } from "./site-kit.js";

const HELPERS = `const d = (x) => x;
const t = (f) => { try { const v = f(); return v === undefined ? 'undefined' : v; } catch (e) { return e.name + ': ' + e.message; } };`;
const SECRET = "s".repeat(40);
const VARS = `${HELPERS}
  const o = { list: [1, 2], name: 'first' };
  const out = {};
  out.ret = t(() => setVariable('o', o));
  o.name = 'changed'; o.list.push(3);
  const back = getVariable('o'); back.list.push(99);
  out.back = getVariable('o');
  out.brand = getVariable('brand'); out.nested = getVariable('nested'); out.missing = getVariable('nope');
  const n = getVariable('nested'); n.a.push(3); out.nestedAgain = getVariable('nested');
  setVariable('over', 'script value'); out.over = getVariable('over');
  out.bad = ['', '__proto__', 'constructor', 'prototype', 'k'.repeat(201), 5].map((key) => t(() => setVariable(d(key), 1)));
  out.maxKey = t(() => setVariable(d('k'.repeat(200)), 1));
  out.huge = t(() => setVariable('huge', 'x'.repeat(1048577)));`;

let k: Kit;
beforeAll(async () => {
  process.env.PAGEC_TEST_SECRET_H13 = SECRET;
  k = await startKit({
    "site.json": { id: "state-site", typeCheck: "off", session: { secretEnv: "PAGEC_TEST_SECRET_H13" } },
    "variables.json": { brand: "Acme", nested: { a: [1, 2] }, over: "brand value" },
    "pages/read.ef": jsonPage(`out.v = session.get('k'); out.obj = session.get('obj'); out.item = getSessionItem('color');
      out.is_customer = is_customer; out.customer = customer; out.get = getCustomer();`),
    "pages/write.ef": jsonPage(`${HELPERS}
      const obj = { a: [1, { b: 2 }] };
      out.set = [session.set('k', 'v1'), session.set('n', 3), session.set('b', false), session.set('obj', obj)];
      obj.a.push('later');
      out.sameRequest = [session.get('k'), session.get('n'), session.get('b'), session.get('obj')];
      const got = session.get('obj'); got.a.push('mutated');
      out.copy = session.get('obj');
      out.reserved = ['id', 'is_customer', 'email', 'customer_id', 'customer', 'created_at', 'expires_at', 'constructor', 'prototype',
        'custom_x', 'pagec_x', '_x'].map((key) => [session.set(d(key), 'x'), session.get(d(key))]);
      out.empty = t(() => session.set(d(''), 1));
      out.long = t(() => session.set(d('k'.repeat(129)), 1));
      out.max = session.set(d('k'.repeat(128)), 1);
      out.nonString = t(() => session.set(d(5), 1));
      out.tooBig = session.set('big', 'x'.repeat(65537));
      setSessionItem('co-lor!', 'red'); setSessionItem('size', 42); setSessionItem('__proto__', 'x'); setSessionItem('gone', 'y');
      clearSessionItem('gone');
      out.items = [getSessionItem('color'), getSessionItem('size'), getSessionItem('gone'), getSessionItem('missing'), session.get('color')];`),
    "pages/delete.ef": jsonPage(`out.del = [session.set('k', null), session.set('n', undefined)]; out.after = [session.get('k'), session.get('n')];`),
    "pages/login.ef": jsonPage(`${HELPERS}
      out.before = [is_customer, customer];
      out.first = session.setCustomer({ email: 'Sam@Example.com', first_name: 'Sam', last_name: 'Lee', id: 42, role: 'admin' });
      out.after = [is_customer, customer, getCustomer()];
      out.frozen = Object.isFrozen(customer);
      out.merge = session.setCustomer({ email: 'sam@example.com', name: 'Samuel' });
      out.merged = getCustomer();
      out.more = [session.setCustomer({ email: 'a@b.co' }), session.setCustomer({ email: 'c@d.co' }), session.setCustomer({ email: 'g@h.co' })];
      out.sixth = session.setCustomer({ email: 'e@f.co' });
      out.final = customer.email;`),
    "pages/login-bad.ef": jsonPage(`${HELPERS}
      out.bad = [session.setCustomer(d({ email: 'no-at-sign' })), session.setCustomer(d({ email: 'a@' + 'b'.repeat(253) })), session.setCustomer(d({ name: 'x' })),
        session.setCustomer(d({ email: 'x@y.z', name: 5 }))];
      out.after = [is_customer, customer];
      out.nonObject = t(() => session.setCustomer(d('x@y.z')));`),
    "pages/login-simple.ef": jsonPage(`out.ok = session.setCustomer({ email: 'sam@example.com', name: 'Sam Lee', id: 'c-42' }); session.set('keep', 'me');`),
    "pages/logout.ef": jsonPage(`out.r = session.clearCustomer(); out.after = [is_customer, customer, getCustomer()]; out.keep = session.get('keep');`),
    "pages/token.ef": page(`const tok = await session.getToken(d(9999)); response.json({ tok });`.replace("d(9999)", "9999")),
    "pages/from-token.ef": jsonPage(`out.ok = await session.setFromToken(request.query.t); out.customer = customer;`),
    "pages/vars.ef": page(VARS, "{{ var.o.name }} {{ var.o.list | join:',' }} {{ var.over }} {{ var.brand }} {{ var.nested.a[1] }}"),
    "pages/vars-json.ef": page(VARS + "\nresponse.json(out);"),
    "pages/console.ef": page(`
      const cyc = { n: 1 }; cyc.self = cyc;
      console.log('text', undefined, null, 1.5, true, { a: [1, 'b'] }, [1, 2]);
      console.info('info', new TypeError('bad thing'));
      console.warn(cyc);
      console.error('err', new RangeError('r'));
      console.log('x'.repeat(9000));
      response.json({ debug: typeof console.debug, table: typeof console.table });`),
    "pages/console-cap.ef": page(`for (let i = 0; i < 250; i++) console.log('line ' + i);`, "done"),
  });
});
afterAll(async () => { await k?.stop(); delete process.env.PAGEC_TEST_SECRET_H13; });

describe("session.get / session.set", () => {
  it("a request that only reads creates no session and sends no cookie", async () => {
    const r = await k.run("/read");
    expect(json(r)).toEqual({ v: null, obj: null, item: "", is_customer: false, customer: null, get: null });
    expect(headersNamed(r, "set-cookie")).toEqual([]);
  });

  it("stores values, reads them back in the same request as JSON copies, and refuses reserved keys", async () => {
    const r = await k.run("/write");
    const out = json(r);
    expect(out.set).toEqual([true, true, true, true]);
    expect(out.sameRequest).toEqual(["v1", 3, false, { a: [1, { b: 2 }] }]);
    expect(out.copy).toEqual({ a: [1, { b: 2 }] });
    for (const pair of out.reserved) expect(pair).toEqual([false, null]);
    expect(out.empty).toMatch(/^TypeError: /);
    expect(out.long).toMatch(/^TypeError: /);
    expect(out.nonString).toMatch(/^TypeError: /);
    expect(out.max).toBe(true);
    expect(out.tooBig).toBe(false);
    expect(out.items).toEqual(["red", 42, "", "", null]);
    expect(headersNamed(r, "set-cookie")).toHaveLength(1);
    expect(headersNamed(r, "set-cookie")[0]).toMatch(/^pagec_sid=[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
  });

  it("keeps the values for the next request with the cookie; null/undefined delete; no new cookie", async () => {
    const sid = sessionPair(await k.run("/write"))!;
    const r = await k.run("/read", { cookie: sid });
    expect(json(r)).toMatchObject({ v: "v1", obj: { a: [1, { b: 2 }] }, item: "red" });
    expect(headersNamed(r, "set-cookie")).toEqual([]);
    const del = await k.run("/delete", { cookie: sid });
    expect(json(del)).toEqual({ del: [true, true], after: [null, null] });
    expect(headersNamed(del, "set-cookie")).toEqual([]);
    expect(json(await k.run("/read", { cookie: sid })).v).toBeNull();
  });

  it("a session cookie with a wrong MAC counts as no session", async () => {
    const sid = sessionPair(await k.run("/write"))!;
    const forged = sid.slice(0, -2) + (sid.endsWith("AA") ? "BB" : "AA");
    expect(json(await k.run("/read", { cookie: forged })).v).toBeNull();
  });
});

describe("customer", () => {
  it("setCustomer: validation, defaults, merging, immediate visibility, frozen copy, 6th call refused", async () => {
    const r = await k.run("/login");
    const out = json(r);
    expect(out.before).toEqual([false, null]);
    expect(out.first).toBe(true);
    expect(out.after[0]).toBe(true);
    expect(out.after[1]).toEqual({ email: "Sam@Example.com", name: "Sam Lee", first_name: "Sam", last_name: "Lee", id: 42 });
    expect(out.after[2]).toEqual(out.after[1]);
    expect(out.frozen).toBe(true);
    expect(out.merge).toBe(true);
    expect(out.merged).toEqual({ email: "sam@example.com", name: "Samuel", first_name: "Sam", last_name: "Lee", id: 42 });
    expect(out.more).toEqual([true, true, true]);
    expect(out.sixth).toBe(false);
    expect(out.final).toBe("g@h.co");
  });

  it("setCustomer refuses invalid input with false and changes nothing; nothing is saved", async () => {
    const r = await k.run("/login-bad");
    const out = json(r);
    expect(out.bad).toEqual([false, false, false, false]);
    expect(out.after).toEqual([false, null]);
    // A non-object argument is "invalid input" too: either false or a TypeError is defensible (SPEC is silent).
    expect(out.nonObject === false || /^TypeError: /.test(out.nonObject)).toBe(true);
    expect(headersNamed(r, "set-cookie")).toEqual([]);
  });

  it("rotates the session id on setCustomer and on clearCustomer; clearCustomer keeps other keys", async () => {
    const first = await k.run("/write");
    const sid1 = sessionPair(first)!;
    const login = await k.run("/login-simple", { cookie: sid1 });
    const sid2 = sessionPair(login)!;
    expect(sid2).toBeDefined();
    expect(sid2.split(".")[0]).not.toBe(sid1.split(".")[0]);
    expect(json(await k.run("/read", { cookie: sid1 })).is_customer).toBe(false);
    const seen = json(await k.run("/read", { cookie: sid2 }));
    expect(seen).toMatchObject({ is_customer: true, customer: { email: "sam@example.com", name: "Sam Lee", id: "c-42" }, v: "v1" });
    const out = await k.run("/logout", { cookie: sid2 });
    expect(json(out)).toEqual({ r: true, after: [false, null, null], keep: "me" });
    const sid3 = sessionPair(out)!;
    expect(sid3.split(".")[0]).not.toBe(sid2.split(".")[0]);
    expect(json(await k.run("/read", { cookie: sid3 })).is_customer).toBe(false);
    expect(json(await k.run("/read", { cookie: sid2 })).v).toBeNull();
  });

  it("getToken is null without a customer; a token moves the identity once (setFromToken, then replay refused)", async () => {
    expect(json(await k.run("/token")).tok).toBeNull();
    const sid = sessionPair(await k.run("/login-simple"))!;
    const tok = json(await k.run("/token", { cookie: sid })).tok;
    expect(tok).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const other = await k.run(`/from-token?t=${encodeURIComponent(tok)}`);
    expect(json(other)).toEqual({ ok: true, customer: { email: "sam@example.com", name: "Sam Lee", id: "c-42" } });
    expect(sessionPair(other)).toBeDefined();
    expect(json(await k.run(`/from-token?t=${encodeURIComponent(tok)}`)).ok).toBe(false);
    expect(json(await k.run("/from-token?t=v1.garbage")).ok).toBe(false);
  });

  it("automatic hand-off: ?ef_session=<token> answers 303 to the same URL without the parameter", async () => {
    const sid = sessionPair(await k.run("/login-simple"))!;
    const tok = json(await k.run("/token", { cookie: sid })).tok;
    const r = await k.run(`/read?a=1&ef_session=${encodeURIComponent(tok)}&b=2`);
    expect(r.status).toBe(303);
    expect(r.body).toBe("");
    expect(r.headers.find(([n]) => n === "Location")?.[1]).toBe("/read?a=1&b=2");
    const sid2 = sessionPair(r)!;
    expect(json(await k.run("/read", { cookie: sid2 })).customer).toEqual({ email: "sam@example.com", name: "Sam Lee", id: "c-42" });
    const again = await k.run(`/read?ef_session=${encodeURIComponent(tok)}`);
    expect(again.status).toBe(200);
  });
});

describe("setVariable / getVariable", () => {
  it("the template sees the JSON copy taken at call time, and script values override brand variables", async () => {
    const r = await k.run("/vars");
    expect(r.status).toBe(200);
    expect(r.body).toBe("first 1,2 script value Acme 2");
  });
  it("getVariable returns copies; bad keys and values over 1 MiB throw TypeError; setVariable returns undefined", async () => {
    const out = json(await k.run("/vars-json"));
    expect(out.ret).toBe("undefined");
    expect(out.back).toEqual({ list: [1, 2], name: "first" });
    expect(out.brand).toBe("Acme");
    expect(out.nested).toEqual({ a: [1, 2] });
    expect(out.nestedAgain).toEqual({ a: [1, 2] });
    expect(out.missing).toBeNull();
    expect(out.over).toBe("script value");
    expect(out.bad).toHaveLength(6);
    for (const e of out.bad) expect(e).toMatch(/^TypeError: /);
    expect(out.maxKey).toBe("undefined");
    expect(out.huge).toMatch(/^TypeError: /);
  });
});

describe("console", () => {
  it("formats arguments and maps levels", async () => {
    const r = await k.run("/console");
    expect(json(r)).toEqual({ debug: "undefined", table: "undefined" });
    const entries = r.logs.map((l) => [l.level, l.text]);
    expect(entries.slice(0, 4)).toEqual([
      ["info", 'text undefined null 1.5 true {"a":[1,"b"]} [1,2]'],
      ["info", "info TypeError: bad thing"],
      ["warn", '{"n":1,"self":"[Circular]"}'],
      ["error", "err RangeError: r"],
    ]);
    const long = entries[4][1];
    expect(long).toHaveLength(8192);
    expect(long.endsWith("…")).toBe(true);
  });
  it("keeps 200 entries and then adds `log limit reached`", async () => {
    const r = await k.run("/console-cap");
    expect(r.body).toBe("done");
    const texts = logTexts(r);
    expect(texts).toHaveLength(201);
    expect(texts[199]).toBe("line 199");
    expect(texts[200]).toBe("log limit reached");
  });
});
