// The six goals of the benchmark issue, each computed from figures measured in the same run. For "max" goals
// the ratio is pagec's throughput over the anchor's; for "min" goals it is a cost ratio or, for the two
// absolute goals, the figure itself in ms.

const goal = (id, description, ratio, target, direction, detail) => ({
  id, description, ratio: Number.isFinite(ratio) ? ratio : null, target, direction,
  met: Number.isFinite(ratio) ? (direction === "max" ? ratio >= target : ratio <= target) : false,
  ...(detail ? { detail } : {}),
});

export const GOAL_IDS = ["render-vs-fastest-peer", "render-vs-literal", "isolate-vs-in-process", "http-vs-fastify-eta", "bundle-load-p50", "check-warm"];

export function computeGoals(g) {
  const w = g.render?.workloads ?? [];
  const peer = w.filter((x) => x.vsFastestPeer !== null);
  const worstPeer = peer.length ? peer.reduce((a, b) => (b.vsFastestPeer < a.vsFastestPeer ? b : a)) : null;
  const lit = w.filter((x) => x.vsLiteral !== null);
  const worstLit = lit.length ? lit.reduce((a, b) => (b.vsLiteral > a.vsLiteral ? b : a)) : null;
  const http = g.http?.vsFastifyEta;
  const httpWorst = http ? Math.min(...[http.noPipelining, http.pipelining10].filter(Number.isFinite)) : null;
  return [
    goal(GOAL_IDS[0], "pagec render throughput ÷ the fastest peer with equal output, worst workload (full five-character escaping)",
      worstPeer?.vsFastestPeer, 1.0, "max",
      w.length ? { worstWorkload: worstPeer?.id ?? null, perWorkload: Object.fromEntries(w.map((x) => [x.id, { ratio: x.vsFastestPeer, fastestPeer: x.fastestPeer }])) } : null),
    goal(GOAL_IDS[1], "pagec render time ÷ hand-written template literal, worst workload",
      worstLit?.vsLiteral, 1.1, "min",
      w.length ? { worstWorkload: worstLit?.id ?? null, perWorkload: Object.fromEntries(w.map((x) => [x.id, x.vsLiteral])) } : null),
    goal(GOAL_IDS[2], "script page through runPage: warm isolate time ÷ same compiled code in-process",
      g.runtime?.scriptPage?.isolateVsInProcess, 1.3, "min"),
    goal(GOAL_IDS[3], "HTTP requests/s: pagec serve ÷ Fastify + @fastify/view (Eta, cached), worse of no pipelining / pipelining 10",
      httpWorst, 0.8, "max", http ?? null),
    goal(GOAL_IDS[4], "bundle load into a fresh isolate with V8 code cache, p50 in ms",
      g.runtime?.isolate?.bundleLoadWithCacheMs?.p50, 5, "min"),
    goal(GOAL_IDS[5], "per-page check time, warm (full analysis with the TypeScript checker kept warm, as the language server runs it), in ms",
      g.build?.check?.typedWarmMs, 10, "min", g.build?.check ? { warmWithoutTypesMs: g.build.check.warmMs, checkSourceWarmMs: g.build.check.checkSourceWarmMs } : null),
  ];
}
