// Request path → page (SPEC §6.2): exact routes, wildcard routes longest prefix first, folder index.
export interface RouteEntry { slug: string; kind: "exact" | "wildcard"; prefix?: string[]; params?: string[] }
export interface RouteMatch<R> { route: R; params: Record<string, string> | null; routeSlug: string | null }

export class Router<R extends RouteEntry> {
  private exact = new Map<string, R>();
  /** "prefix/joined#count" → route; at most one per key (PC5006). */
  private wild = new Map<string, R>();
  private maxPrefix = 0;

  constructor(routes: R[]) {
    for (const r of routes) {
      if (r.kind === "exact") this.exact.set(r.slug, r);
      else {
        this.wild.set(`${(r.prefix ?? []).join("/")}#${(r.params ?? []).length}`, r);
        this.maxPrefix = Math.max(this.maxPrefix, (r.prefix ?? []).length);
      }
    }
  }

  /** `path` without the query string. Returns null for 404 (including undecodable segments). */
  match(path: string): RouteMatch<R> | null {
    const segs: string[] = [];
    for (const raw of path.split("/")) {
      if (!raw) continue;
      try { segs.push(decodeURIComponent(raw)); } catch { return null; }
    }
    const p = segs.length ? segs.join("/") : "index";
    const exact = this.exact.get(p);
    if (exact) return { route: exact, params: null, routeSlug: null };
    const n = segs.length;
    for (let k = Math.min(n - 1, this.maxPrefix); k >= 1; k--) {
      const r = this.wild.get(`${segs.slice(0, k).join("/")}#${n - k}`);
      if (!r) continue;
      const params: Record<string, string> = Object.create(null);
      (r.params ?? []).forEach((name, i) => { params[name] = segs[k + i]; });
      return { route: r, params, routeSlug: segs.slice(k).join("/") };
    }
    const index = this.exact.get(`${p}/index`);
    if (index) return { route: index, params: null, routeSlug: null };
    return null;
  }

  get(slug: string): R | undefined {
    return this.exact.get(slug);
  }
}
