// The sandbox prelude (SPEC §8.4, §8.5): bundled into build/prelude.js, whose completion value is `entry`.
// It captures the host References, installs the pagec globals and runs the script phase of one request.
import { Schema, schemaHelpers, withPrecompiledValidate } from "./schema/index.js";
import { installGlobals } from "./api/globals.js";
import { createHost } from "./api/host.js";
import { defineProperty, hasOwn, isArray, jsonParse, nullMap, toStr } from "./api/intrinsics.js";
import { toNullProto } from "./api/json.js";
import { makePc, runScript } from "./api/run.js";
import { createState, type EntityInfo, type State } from "./api/state.js";

type Json = Record<string, unknown>;

function objectAt(v: unknown): Json {
  return v !== null && typeof v === "object" && !isArray(v) ? (v as Json) : {};
}

/** Applies `entry("init")`: the resolved site config (entities, cookie name, limits) and brand variables. */
function init(s: State, input: Json): void {
  const site = objectAt(input.site);
  s.siteId = typeof site.id === "string" ? site.id : "";
  const entities = nullMap<EntityInfo>();
  const list = objectAt(site.crm).entities;
  if (isArray(list)) {
    for (const e of list) {
      const ent = objectAt(e);
      if (typeof ent.slug !== "string") continue;
      const fields: string[] = [];
      if (isArray(ent.fields)) for (const f of ent.fields) {
        const key = typeof f === "string" ? f : objectAt(f).key;
        if (typeof key === "string") fields.push(key);
      }
      entities[ent.slug] = { slug: ent.slug, fields };
    }
  }
  s.entities = entities;
  const cookieName = objectAt(site.session).cookieName;
  if (typeof cookieName === "string" && cookieName !== "") s.sessionCookieName = cookieName;
  const maxLog = objectAt(site.limits).maxLogEntries;
  if (typeof maxLog === "number" && maxLog > 0) s.maxLogEntries = maxLog;
  const vars = input.variables;
  s.brandVars = vars !== null && typeof vars === "object" && !isArray(vars) ? (toNullProto(vars) as Json) : nullMap<unknown>();
}

function parseInput(json: unknown): Json {
  return objectAt(typeof json === "string" ? jsonParse(json) : json);
}

function boot(): (kind: string, json: unknown) => unknown {
  const g = globalThis as unknown as Record<string, unknown>;
  const raw = g.__pagecHost;
  delete g.__pagecHost;
  const s = createState(createHost(raw));
  const define = function __pagec_define(slug: unknown, factory: unknown): void {
    if (s.started || typeof slug !== "string" || typeof factory !== "function" || hasOwn(s.pages, slug)) return;
    s.pages[slug] = factory;
  };
  installGlobals(s, g, Schema, define);
  const pc = makePc(s, withPrecompiledValidate, schemaHelpers);
  return function entry(kind: string, json: unknown): unknown {
    if (kind === "init") {
      if (s.initialised) throw new Error("pagec: the context is already initialised");
      s.initialised = true;
      init(s, parseInput(json));
      // The bundler's IIFE leaves `var __pagec_prelude` on the global object; make it useless to scripts.
      try {
        defineProperty(g, "__pagec_prelude", { value: undefined, writable: false });
      } catch {
        /* not present (tests may load the prelude differently) */
      }
      return undefined;
    }
    if (kind === "script") {
      if (!s.initialised || s.started) return Promise.reject(new Error("pagec: the script phase cannot start here"));
      s.started = true;
      return runScript(s, parseInput(json), pc);
    }
    throw new Error(`pagec: unknown entry kind "${toStr(kind)}"`);
  };
}

export const entry = boot();
