// Every limit of SPEC §9 with its default; the ones marked "site.json" may be overridden in site.json `limits`.
export const DEFAULT_LIMITS = {
  maxImports: 10,
  maxModulesPerPage: 50,
  maxComponentDepth: 16,
  maxBodyBytes: 65536,
  maxRequestBytes: 1048576,
  scriptCpuMs: 10000,
  scriptWallMs: 30000,
  renderWallMs: 5000,
  isolateMemoryMb: 128,
  maxOutputBytes: 10485760,
  maxLogEntries: 200,
  hostCallTimeoutMs: 5000,
} as const;
export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };
export const OVERRIDABLE_LIMITS = new Set<string>(Object.keys(DEFAULT_LIMITS));
