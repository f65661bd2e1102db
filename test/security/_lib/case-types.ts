// The shape of a catalogue case (test/security/<id>/case.mjs): hostile pages for the shared site, the requests
// that attack them with their expected outcomes, compile-time expectations, or a custom run.
import type { LightMyRequestResponse, InjectOptions } from "fastify";
import type { expect as vitestExpect } from "vitest";
import type { PagecServer } from "../../../runtime/index.js";
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";

export type Expect = typeof vitestExpect;

export interface CaseRequest {
  /** Shown in the failure message. */
  name?: string;
  method?: "GET" | "POST" | "HEAD" | "PUT" | "DELETE";
  url: string;
  headers?: Record<string, string>;
  payload?: string | object | Buffer;
  status?: number;
  /** Substrings the body must contain / must not contain. */
  includes?: string[];
  excludes?: string[];
  json?: unknown;
  check?: (res: LightMyRequestResponse, expect: Expect) => void | Promise<void>;
}

export interface CompileExpectation {
  name?: string;
  pages?: Record<string, string>;
  scripts?: Record<string, string>;
  /** Codes that must be among the diagnostics (errors or warnings). */
  codes: string[];
}

export interface CaseContext {
  server: PagecServer;
  inject: (o: InjectOptions) => Promise<LightMyRequestResponse>;
  expect: Expect;
  writeSite: (files: { pages?: Record<string, string>; scripts?: Record<string, string> }, siteJson?: Record<string, unknown>) => string;
  startServer: (siteDir: string) => Promise<{ server: PagecServer; db: string; stop(): Promise<void> }>;
  check: (siteDir: string) => Promise<Diagnostic[]>;
  /** The SQLite file of the shared server. */
  db: string;
}

export interface SecurityCase {
  id: string;
  title: string;
  pages?: Record<string, string>;
  scripts?: Record<string, string>;
  crmEntities?: unknown[];
  requests?: CaseRequest[];
  compile?: CompileExpectation[];
  run?: (ctx: CaseContext) => Promise<void>;
  /** A known, unfixed bug: the case is run with it.fails and the text names the bug. */
  knownBug?: string;
  timeoutMs?: number;
}
