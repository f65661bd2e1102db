// The per-context record of one script phase, the phase guard every API function calls first, and the
// halt signal thrown by terminal calls (SPEC §4.1). One record exists per context, created in boot().
import type { Host } from "./host.js";
import { freeze, nullMap, nullObj, setPrototypeOf } from "./intrinsics.js";

export type Phase = "idle" | "running" | "halted" | "ended";

export interface SessionState {
  exists: boolean;
  data: Record<string, unknown>;
  items: Record<string, string | number>;
  customer: Record<string, unknown> | null;
  customer_id: string | number | null;
  email: string | null;
}

export interface EntityInfo { slug: string; fields: string[] }

export interface State {
  host: Host;
  phase: Phase;
  initialised: boolean;
  started: boolean;
  halt: object;
  /** Resolves the entry("script") promise; set when the phase starts. */
  finish: () => void;
  siteId: string;
  entities: Record<string, EntityInfo>;
  sessionCookieName: string;
  maxLogEntries: number;
  brandVars: Record<string, unknown>;
  vars: Record<string, string>;
  pages: Record<string, Function>;
  request: unknown;
  secure: boolean;
  status: number | null;
  headerNames: Record<string, true>;
  headerCount: number;
  cookieOps: number;
  session: SessionState;
  customerView: object | null;
  setCustomerCalls: number;
  crmCalls: number;
  logCount: number;
  logLimitHit: boolean;
}

export const FINISHED_MESSAGE = "pagec: the backend script has already finished";

export function emptySession(): SessionState {
  return nullObj({ exists: false, data: nullMap<unknown>(), items: nullMap<string | number>(), customer: null, customer_id: null, email: null });
}

export function createState(host: Host): State {
  const halt = freeze(setPrototypeOf({ name: "PagecHalt", message: "pagec: the script phase was ended by a terminal call" }, null));
  return nullObj<State>({
    host, phase: "idle", initialised: false, started: false, halt, finish: () => {},
    siteId: "", entities: nullMap<EntityInfo>(), sessionCookieName: "pagec_sid", maxLogEntries: 200,
    brandVars: nullMap<unknown>(), vars: nullMap<string>(), pages: nullMap<Function>(),
    request: null, secure: false, status: null, headerNames: nullMap<true>(), headerCount: 0, cookieOps: 0,
    session: emptySession(), customerView: null, setCustomerCalls: 0, crmCalls: 0, logCount: 0, logLimitHit: false,
  });
}

/** Called first by every API function: after a halt it rethrows the halt signal, after the end it refuses. */
export function enter(s: State): void {
  if (s.phase === "running") return;
  if (s.phase === "halted") throw s.halt;
  if (s.phase === "ended") throw new Error(FINISHED_MESSAGE);
  throw new Error("pagec: the backend script is not running");
}

/** Ends the phase because of a terminal call: resolves the entry promise and throws the halt signal. */
export function haltNow(s: State): never {
  s.phase = "halted";
  s.finish();
  throw s.halt;
}

/** Appends one execution-log entry, applying maxLogEntries and the entry length cap (SPEC §4.4.7). */
export function writeLog(s: State, level: "info" | "warn" | "error", text: string): void {
  if (s.logLimitHit) return;
  if (s.logCount >= s.maxLogEntries) {
    s.logLimitHit = true;
    s.host.log("warn", "log limit reached");
    return;
  }
  s.logCount++;
  s.host.log(level, text.length > 8192 ? text.slice(0, 8191) + "…" : text);
}

/** Policy refusal: a `warn` log entry and `false` (SPEC §4.3). */
export function refuse(s: State, text: string): false {
  writeLog(s, "warn", text);
  return false;
}
