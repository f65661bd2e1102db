// Installs the pagec globals of SPEC §4.3 as non-writable, non-configurable properties, removes the
// built-ins scripts must not have, and defines the non-enumerable `__pagec_define` registration hook.
import { defineProperty, freeze, hasOwn, nullObj } from "./intrinsics.js";
import { createConsole } from "./console.js";
import { createCookie, createSetHeader } from "./headers-cookies.js";
import { createCrm } from "./crm.js";
import { createRedirect, createResponse } from "./response.js";
import { createItems } from "./session-items.js";
import { createSession } from "./session.js";
import { enter, type State } from "./state.js";
import { createVariables } from "./variables.js";

const REMOVED = ["SharedArrayBuffer", "Atomics", "WebAssembly"];

/** Every pagec global name, in Appendix A order (the golden list test checks these). */
export const PAGEC_GLOBALS = ["request", "response", "redirect", "setHeader", "cookie", "session", "getSessionItem", "setSessionItem", "clearSessionItem", "is_customer", "customer", "getCustomer", "setVariable", "getVariable", "console", "getCrmEntries", "getCrmField", "getCrmFields", "getCrmFieldValues", "setCrmField", "setCrmFields", "addCrmFieldValue", "clearCrmEntries", "Schema"];

export function installGlobals(s: State, g: Record<string, unknown>, schema: unknown, define: (slug: unknown, factory: unknown) => void): void {
  for (const name of REMOVED) delete g[name];
  const items = createItems(s);
  const vars = createVariables(s);
  const crm = createCrm(s);
  const values: Record<string, unknown> = nullObj({
    response: createResponse(s),
    redirect: createRedirect(s),
    setHeader: createSetHeader(s),
    cookie: createCookie(s),
    session: createSession(s),
    getSessionItem: items.getSessionItem,
    setSessionItem: items.setSessionItem,
    clearSessionItem: items.clearSessionItem,
    getCustomer: function getCustomer(): object | null {
      enter(s);
      return s.customerView;
    },
    setVariable: vars.setVariable,
    getVariable: vars.getVariable,
    console: createConsole(s),
    ...crm,
    Schema: schema,
  });
  const live: Record<string, () => unknown> = nullObj({
    request: () => s.request,
    is_customer: () => s.session.customer !== null,
    customer: () => s.customerView,
  });
  for (const name of PAGEC_GLOBALS) {
    if (hasOwn(live, name)) {
      defineProperty(g, name, { get: live[name], enumerable: true, configurable: false });
    } else {
      const v = values[name];
      if (typeof v === "function") freeze(v);
      defineProperty(g, name, { value: v, writable: false, enumerable: true, configurable: false });
    }
  }
  defineProperty(g, "__pagec_define", { value: freeze(define), writable: false, enumerable: false, configurable: false });
}
