// `pagec serve <site|dist> [--port] [--host] [--db] [--watch] [--debug] [--isolates N]` (SPEC §1.3, §6.12).
import { resolve } from "node:path";
import { parse, requireDir, UsageError } from "./main.js";

export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    port: { type: "string" }, host: { type: "string" }, db: { type: "string" },
    watch: { type: "boolean" }, debug: { type: "boolean" }, isolates: { type: "string" },
  });
  const target = resolve(requireDir(positionals[0], "site or dist directory"));
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port must be an integer from 0 to 65535");
  const isolates = values.isolates === undefined ? undefined : Number(values.isolates);
  if (isolates !== undefined && (!Number.isInteger(isolates) || isolates < 1)) throw new UsageError("--isolates must be a positive integer");
  const db = values.db ?? "./pagec.sqlite";
  if (/^postgres(ql)?:\/\//.test(db)) { process.stderr.write("PostgreSQL support is not available in this version of pagec\n"); return 2; }
  const { createServer, CompileFailedError, BundleFormatError } = await import("../../runtime/index.js");
  const { isDist } = await import("../../runtime/site-loader.js");
  const dist = isDist(target);
  let server;
  try {
    server = await createServer({ ...(dist ? { dist: target } : { site: target }), db, port, host: values.host ?? "127.0.0.1", watch: !!values.watch, debug: !!values.debug || !!values.watch, isolates, logger: true });
  } catch (e) {
    if (e instanceof CompileFailedError) { process.stderr.write(e.pretty); return 1; }
    if (e instanceof BundleFormatError) { process.stderr.write(`pagec: ${e.message}\n`); return 2; }
    throw e;
  }
  const address = await server.listen();
  process.stderr.write(`pagec: serving ${target} at ${address}\n`);
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      server!.close().then(() => done(0), () => done(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
