// Writes a small site into a temp directory, starts a pagec server for it and drives pages through runPage
// (or Fastify inject when real HTTP headers matter). Compile errors are rethrown with their pretty text.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createServer, runPage, CompileFailedError, type PagecServer, type PageResponse } from "../../runtime/index.js";

export interface SiteFiles { [path: string]: string | object }
export interface RunOptions { method?: string; headers?: Record<string, string>; body?: unknown; encrypted?: boolean; remoteAddress?: string; cookie?: string }
export interface Kit {
  dir: string; db: string; server: PagecServer;
  run(url: string, opts?: RunOptions): Promise<PageResponse>;
  stop(): Promise<void>;
}

export const FAST_LIMITS = { scriptCpuMs: 2000, scriptWallMs: 4000 };

export function writeSite(files: SiteFiles): string {
  const dir = mkdtempSync(join(tmpdir(), "pagec-be-"));
  const site = join(dir, "site");
  for (const [rel, content] of Object.entries(files)) {
    const p = join(site, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export async function startKit(files: SiteFiles, opts: { isolates?: number; db?: string; debug?: boolean } = {}): Promise<Kit> {
  const dir = writeSite(files);
  const db = opts.db ?? join(dir, "test.sqlite");
  let server: PagecServer;
  try {
    server = await createServer({ site: join(dir, "site"), db, port: 0, isolates: opts.isolates ?? 1, logger: false, debug: opts.debug });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof CompileFailedError) throw new Error(`test site does not compile:\n${e.pretty}`);
    throw e;
  }
  return {
    dir, db, server,
    run(url, o = {}) {
      const headers: Record<string, string> = { host: "example.test", ...(o.headers ?? {}) };
      if (o.cookie) headers.cookie = o.cookie;
      return runPage(server.runtime(), { method: o.method ?? (o.body !== undefined ? "POST" : "GET"), url, headers, remoteAddress: o.remoteAddress ?? "127.0.0.1", encrypted: !!o.encrypted, body: o.body ?? null });
    },
    async stop() { await server.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A page whose backend script is `script` and whose template is `template` (default: nothing). */
export function page(script: string, template = ""): string {
  return `<script scope="backend">\n${script}\n</script>\n${template}`;
}

/** A page whose script runs `script`, then answers `response.json(out)`: the test reads `out` back as JSON. */
export function jsonPage(script: string): string {
  return page(`const out = {};\n${script}\nresponse.json(out);`);
}

export function header(r: PageResponse, name: string): string | undefined {
  return r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}
export function headersNamed(r: PageResponse, name: string): string[] {
  return r.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}
export function json(r: PageResponse): any {
  return JSON.parse(r.body);
}
export function logTexts(r: PageResponse, level?: string): string[] {
  return r.logs.filter((l) => !level || l.level === level).map((l) => l.text);
}
/** The `<name>=<value>` pair of a Set-Cookie header, for sending it back. */
export function sessionPair(r: PageResponse, name = "pagec_sid"): string | undefined {
  return headersNamed(r, "set-cookie").find((c) => c.startsWith(name + "="))?.split(";")[0];
}
