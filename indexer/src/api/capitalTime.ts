/**
 * The capital layer's time-dependent views, from indexed state and the last indexed block's time
 * (`now`), computed as the contracts compute them: a bounty's status (BountyBoard `statusOf`) and
 * a stream's vesting (StreamMath `streamed`, MilestoneEscrow `claimable`).
 */

import type { BountyStatus } from "@atlas-os/sdk";

/** `statusOf`: Cancelled once cancelled, else Expired from the deadline on, else Open. */
export function bountyStatus(
  bounty: { readonly cancelled: boolean; readonly deadline: bigint },
  now: bigint,
): Exclude<BountyStatus, "none"> {
  if (bounty.cancelled) return "cancelled";
  return now >= bounty.deadline ? "expired" : "open";
}

/** StreamMath.streamed: linear from `start` to `end`, rounded down. */
export function streamed(amount: bigint, start: bigint, end: bigint, now: bigint): bigint {
  if (now <= start) return 0n;
  if (now >= end) return amount;
  return (amount * (now - start)) / (end - start);
}

/**
 * A streaming milestone's progress at `now`: `vested` by its schedule once funded (0 before),
 * `claimed` (gross, `released`), and `claimable` as `claimable()` answers (0 unless Funded).
 */
export function streamProgress(
  stream: {
    readonly amount: bigint;
    readonly start: bigint;
    readonly end: bigint;
    readonly released: bigint;
    readonly state: number;
  },
  now: bigint,
): { vested: bigint; claimed: bigint; claimable: bigint } {
  const FUNDED = 1;
  const UNFUNDED = 0;
  const vested = stream.state === UNFUNDED ? 0n : streamed(stream.amount, stream.start, stream.end, now);
  const claimable = stream.state === FUNDED && vested > stream.released ? vested - stream.released : 0n;
  return { vested, claimed: stream.released, claimable };
}
