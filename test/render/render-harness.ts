// Compiles a sample site with the real pipeline and renders one page on the host, the way the runtime does.
import { analyzeSite } from "../../compiler/compile.js";
import { renderLib } from "../../compiler/prelude/render-lib.js";
import { loadRenderModule } from "../../runtime/render/render-module.js";
import { renderWithModule, type LogEntry } from "../../runtime/render/host-render.js";
import { buildRenderInput, mergeVariables } from "../../runtime/render/render-input.js";
import { buildPageRequest } from "../../runtime/http/page-request.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";

export interface SampleInput {
  page?: string;
  url?: string;
  /** setVariable values, merged over variables.json */
  set?: Record<string, unknown>;
  customer?: Record<string, unknown> | null;
  items?: Record<string, string | number>;
  headers?: Record<string, string>;
  body?: unknown;
  method?: string;
  params?: Record<string, string>;
}

export function renderSample(siteDir: string, input: SampleInput = {}): { html: string; logs: LogEntry[]; diagnostics: Diagnostic[]; items: unknown[] } {
  const a = analyzeSite(siteDir);
  const errors = a.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return { html: "", logs: [], diagnostics: a.diagnostics, items: [] };
  const slug = input.page ?? "index";
  const page = a.pages.find((p) => p.route.slug === slug);
  if (!page?.render) throw new Error(`no page ${slug}`);
  const mod = loadRenderModule(page.render.code, `${slug}.render.js`, renderLib as unknown as Record<string, unknown>);
  const url = input.url ?? "/";
  const request = buildPageRequest(
    { method: input.method ?? "GET", url, headers: { host: "example.test", ...input.headers }, remoteAddress: "127.0.0.1", encrypted: false, body: input.body ?? null },
    { trustProxy: false, sessionCookie: "pagec_sid", params: input.params ?? null, routeSlug: input.params ? Object.values(input.params).join("/") : null },
  );
  const logs: LogEntry[] = [];
  const items: Record<string, string | number> = Object.assign(Object.create(null), input.items ?? {});
  const out = renderWithModule(mod, {
    input: buildRenderInput({
      request,
      rawQuery: url.includes("?") ? url.slice(url.indexOf("?") + 1) : "",
      variables: mergeVariables(a.site.variables, Object.entries(input.set ?? {})),
      customer: input.customer ?? null,
      siteName: a.site.config.name,
    }),
    items,
    customer: input.customer ?? null,
    crmRead: () => null,
    dump: (v) => (renderLib as unknown as { functions: { dump(v: unknown): unknown } }).functions.dump(v),
    renderWallMs: 5000,
    maxOutputBytes: 10 * 1024 * 1024,
    logs,
  });
  return { html: out.html, logs, diagnostics: a.diagnostics, items: out.items };
}
