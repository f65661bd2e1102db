// Public API of pagec/runtime (SPEC §1.4): loadBundles, createServer, and runPage for programmatic use.
import { loadBundles, type LoadedSite } from "./load-bundles.js";
import { loadSiteOrDist } from "./site-loader.js";
import { startServer, type PagecServer, type ServerOptions } from "./server.js";
export { runPage, type PageResponse } from "./pages/run-page.js";
export { createSiteRuntime } from "./site-runtime-factory.js";
export type { SiteRuntime } from "./pages/site-runtime.js";
export { loadBundles, type LoadedSite, type PagecServer, type ServerOptions };
export { CompileFailedError } from "./site-loader.js";
export { BundleFormatError } from "./load-bundles.js";

export async function createServer(options: ServerOptions): Promise<PagecServer> {
  const source = options.dist ?? options.site;
  if (!source) throw new Error("pagec: createServer needs `dist` or `site`");
  const dev = !!options.watch && !options.dist;
  const load = () => loadSiteOrDist(source, { dev });
  return startServer(await load(), options, load);
}
