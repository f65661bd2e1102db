// The hand-off token replay cache (SPEC §4.4.4, §9): token ids already used, each kept until its token
// expires, at most `max` of them (the oldest is evicted first). In memory, one per runtime process.

export class TokenReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  get size(): number {
    return this.seen.size;
  }

  /** True when `jti` was used and its token has not yet expired at `now`. */
  has(jti: string, now: number = Date.now()): boolean {
    const expMs = this.seen.get(jti);
    if (expMs === undefined) return false;
    if (expMs <= now) {
      this.seen.delete(jti);
      return false;
    }
    return true;
  }

  add(jti: string, expMs: number): void {
    this.seen.delete(jti);
    this.seen.set(jti, expMs);
    // Map iteration follows insertion order, so the first key is the oldest id.
    while (this.seen.size > this.max) {
      const oldest = this.seen.keys().next();
      if (oldest.done === true) break;
      this.seen.delete(oldest.value);
    }
  }
}
