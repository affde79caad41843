/**
 * Time-decayed reputation: each contribution's points halve every `halfLife` seconds,
 * `score = Σ points · 0.5^((now − t) / halfLife)`, with `t` the contribution's block time and `now`
 * the last indexed block's. The ledger keeps all-time points only (`reputationOf`); decay is this
 * view's, so each reader may choose its half-life.
 */
export interface TimedPoints {
  readonly points: bigint;
  readonly timestamp: bigint;
}

export function decayedScore(contributions: readonly TimedPoints[], now: bigint, halfLife: number): number {
  let score = 0;
  for (const { points, timestamp } of contributions) {
    // A contribution indexed after `now` was read (a block landed in between) counts as fresh.
    const age = Math.max(0, Number(now - timestamp));
    score += Number(points) * 0.5 ** (age / halfLife);
  }
  return score;
}
