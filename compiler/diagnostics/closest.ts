// Closest-name suggestions (SPEC §7.3.5), shared by every rule that offers "replace with `…`".
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function isClose(u: string, c: string): boolean {
  if (u.toLowerCase() === c.toLowerCase()) return true;
  if (u.length >= 3 && c.length >= 3 && levenshtein(u, c) <= 2) return true;
  return (c.startsWith(u) || u.startsWith(c)) && Math.abs(u.length - c.length) <= 4;
}

export function closest(unknown: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (c === unknown || !isClose(unknown, c)) continue;
    const d = levenshtein(unknown, c);
    if (d < bestDist || (d === bestDist && best !== undefined && c < best)) { best = c; bestDist = d; }
  }
  return best;
}
