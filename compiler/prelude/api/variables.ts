// `setVariable` / `getVariable` (SPEC §4.4.6): JSON copies taken at call time, the 1 MiB cap (TypeError), and
// lookup in this request's variables first, then the brand variables.
import { hasOwn, jsonParse, utf8Length } from "./intrinsics.js";
import { encodeJson, jsonText } from "./json.js";
import { enter, type State } from "./state.js";

const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];
export const MAX_VARIABLE_BYTES = 1048576;

export interface VariableApi { setVariable(key: unknown, value: unknown): void; getVariable(key: unknown): unknown }

export function createVariables(s: State): VariableApi {
  return {
    setVariable(key: unknown, value: unknown): void {
      enter(s);
      if (typeof key !== "string" || key.length < 1 || key.length > 200 || FORBIDDEN_KEYS.indexOf(key) >= 0) {
        throw new TypeError("setVariable: key must be a string of 1-200 characters other than __proto__, constructor and prototype");
      }
      const text = jsonText(value);
      if (utf8Length(text) > MAX_VARIABLE_BYTES) throw new TypeError(`setVariable: value of "${key}" exceeds ${MAX_VARIABLE_BYTES} bytes of JSON`);
      enter(s); // a getter or toJSON may have ended the phase
      s.vars[key] = text;
      s.host.effect({ t: "var", key, value: jsonParse(text) });
    },
    getVariable(key: unknown): unknown {
      enter(s);
      if (typeof key !== "string") throw new TypeError("getVariable: key must be a string");
      if (hasOwn(s.vars, key)) return jsonParse(s.vars[key]);
      if (hasOwn(s.brandVars, key)) return jsonParse(encodeJson(s.brandVars[key]));
      return null;
    },
  };
}
