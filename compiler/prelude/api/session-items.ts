// Session items (SPEC §4.4.4 / §3.2.3): sanitised keys, string/number values (others as JSON text), a
// per-item and a whole-session size cap (dropped with a warning), and `""` for a missing item.
import { hasOwn, toStr, utf8Length } from "./intrinsics.js";
import { jsonText } from "./json.js";
import { MAX_SESSION_BYTES, sessionBytes } from "./session.js";
import { enter, refuse, type State } from "./state.js";

const IGNORED = ["__proto__", "constructor", "prototype"];

/** The stored key: String(key) without characters outside [A-Za-z0-9_], or null when nothing usable is left. */
export function sanitizeItemKey(key: unknown): string | null {
  const k = toStr(key).replace(/[^A-Za-z0-9_]/g, "");
  return k === "" || IGNORED.indexOf(k) >= 0 ? null : k;
}

export interface ItemApi {
  getSessionItem(key: unknown): string | number;
  setSessionItem(key: unknown, value?: unknown): void;
  clearSessionItem(key: unknown): void;
}

export function createItems(s: State): ItemApi {
  const remove = (k: string): void => {
    delete s.session.items[k];
    s.session.exists = true;
    s.host.effect({ t: "item", op: "delete", key: k, value: null });
  };
  return {
    getSessionItem(key: unknown): string | number {
      enter(s);
      const k = sanitizeItemKey(key);
      return k !== null && hasOwn(s.session.items, k) ? s.session.items[k] : "";
    },
    setSessionItem(key: unknown, value?: unknown): void {
      enter(s);
      const k = sanitizeItemKey(key);
      if (k === null) return;
      if (value === undefined || value === null) return remove(k);
      const stored = typeof value === "string" || typeof value === "number" ? value : jsonText(value);
      enter(s);
      if (typeof stored === "string" && utf8Length(stored) > 65536) {
        refuse(s, `setSessionItem: value of "${k}" exceeds 65536 bytes and was dropped`);
        return;
      }
      const items = s.session.items;
      const had = hasOwn(items, k);
      const before = items[k];
      items[k] = stored;
      if (sessionBytes(s) > MAX_SESSION_BYTES) {
        if (had) items[k] = before; else delete items[k];
        refuse(s, `setSessionItem: the session would exceed ${MAX_SESSION_BYTES} bytes; "${k}" was dropped`);
        return;
      }
      s.session.exists = true;
      s.host.effect({ t: "item", op: "set", key: k, value: stored });
    },
    clearSessionItem(key: unknown): void {
      enter(s);
      const k = sanitizeItemKey(key);
      if (k !== null) remove(k);
    },
  };
}
