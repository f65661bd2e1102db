// Renders a page on the host from copied plain data (SPEC §3, our arrangement of §6.10): builds the render
// input of §3.6, provides template functions (§3.8) with failures logged at file:line:col, session items,
// and the render budgets (renderWallMs, maxOutputBytes).
import type { RenderModule, RenderRuntime } from "./render-module.js";
import { positionOf } from "./render-module.js";
import { sanitizeItemKey, itemValue } from "./session-items.js";

export interface LogEntry { level: "info" | "warn" | "error"; text: string; file?: string; line?: number; column?: number; stack?: string[] }
export interface ItemOp { op: "set" | "delete"; key: string; value?: string | number }

export interface RenderContext {
  input: Record<string, unknown>;
  /** Session items as they stand after the script phase (null-prototype). */
  items: Record<string, string | number>;
  customer: unknown;
  /** Synchronous CRM reads for GetCrm* (fn is the camelCase script name). */
  crmRead(fn: string, options: unknown): unknown;
  dump(v: unknown): unknown;
  renderWallMs: number;
  maxOutputBytes: number;
  logs: LogEntry[];
}

export class RenderLimitError extends Error {}

const TEMPLATE_CRM: Record<string, string> = { GetCrmEntries: "getCrmEntries", GetCrmField: "getCrmField", GetCrmFields: "getCrmFields", GetCrmFieldValues: "getCrmFieldValues" };

export function renderWithModule(mod: RenderModule, ctx: RenderContext): { html: string; items: ItemOp[] } {
  const items: ItemOp[] = [];
  const deadline = Date.now() + ctx.renderWallMs;
  const rt: RenderRuntime = {
    call(name, pos, args) {
      try {
        switch (name) {
          case "dump": return ctx.dump(args[0]);
          case "getSessionItem": { const k = sanitizeItemKey(args[0]); return k && k in ctx.items ? ctx.items[k] : ""; }
          case "getCustomer": return ctx.customer;
          default:
            if (TEMPLATE_CRM[name]) return ctx.crmRead(TEMPLATE_CRM[name], args[0]);
            throw new TypeError(`${name} is not a template function`);
        }
      } catch (e) {
        const where = positionOf(mod.meta, pos);
        ctx.logs.push({ level: "error", text: `${(e as Error).name}: ${(e as Error).message}`, ...where });
        return undefined;
      }
    },
    tick(length) {
      if (length > ctx.maxOutputBytes) throw new RenderLimitError(`output limit of ${ctx.maxOutputBytes} bytes exceeded`);
      if (Date.now() > deadline) throw new RenderLimitError(`render limit of ${ctx.renderWallMs} ms exceeded`);
    },
    setItem(key, value) {
      const k = sanitizeItemKey(key);
      if (!k) return;
      const v = itemValue(value);
      if (v === null) { ctx.logs.push({ level: "warn", text: `session item "${k}" is larger than 65536 bytes and was dropped` }); return; }
      if (v === undefined) { delete ctx.items[k]; items.push({ op: "delete", key: k }); }
      else { ctx.items[k] = v; items.push({ op: "set", key: k, value: v }); }
    },
    clearItem(key) {
      const k = sanitizeItemKey(key);
      if (!k) return;
      delete ctx.items[k];
      items.push({ op: "delete", key: k });
    },
    warn(text) { ctx.logs.push({ level: "warn", text }); },
  };
  const html = mod.render(ctx.input, rt);
  if (Buffer.byteLength(html) > ctx.maxOutputBytes) throw new RenderLimitError(`output limit of ${ctx.maxOutputBytes} bytes exceeded`);
  return { html, items };
}
