// A minimal typed view of better-sqlite3 (the package ships no type declarations), loaded with
// createRequire because it is a CommonJS native addon.
import { createRequire } from "node:module";

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}

export interface Transaction<A extends unknown[], R> {
  (...args: A): R;
  immediate(...args: A): R;
}

export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): Database;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): Transaction<A, R>;
  close(): void;
  readonly open: boolean;
}

type DatabaseConstructor = new (file: string, options?: { timeout?: number }) => Database;

/** Opens (creating if needed) a SQLite database file. `timeout` is the busy timeout in ms. */
export function openDatabase(file: string, busyTimeoutMs: number): Database {
  const require = createRequire(import.meta.url);
  const Ctor = require("better-sqlite3") as DatabaseConstructor;
  return new Ctor(file, { timeout: busyTimeoutMs });
}
