// Starts a pagec server for a site in a temp directory with its own SQLite file, for runtime tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type PagecServer } from "../../runtime/index.js";

export interface TestServer { server: PagecServer; db: string; dir: string; stop(): Promise<void>; cookieJar: CookieJar }

export class CookieJar {
  private jar = new Map<string, string>();
  store(setCookie: string | string[] | undefined) {
    for (const c of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.delete(name); else this.jar.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(): string { return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "); }
}

export async function startTestServer(site: string, opts: { isolates?: number; watch?: boolean; debug?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "pagec-rt-"));
  const db = join(dir, "test.sqlite");
  const server = await createServer({ site, db, port: 0, isolates: opts.isolates ?? 1, logger: false, watch: opts.watch, debug: opts.debug });
  return { server, db, dir, cookieJar: new CookieJar(), async stop() { await server.close(); rmSync(dir, { recursive: true, force: true }); } };
}
