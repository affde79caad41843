/**
 * The capital layer's time-dependent views, from indexed state and the last indexed block's time
 * (`now`), computed as the contracts compute them: each module's clock (AtlasModule `pauseState`:
 * the block time minus the time the module spent paused, a pause ending by itself at its end), a
 * bounty's status (BountyBoard `statusOf`, on the board's clock) and a stream's vesting
 * (StreamMath `streamed`, MilestoneEscrow `claimable`, on the escrow's clock).
 */

import type { BountyStatus } from "@atlas-os/sdk";

/** AtlasModule.DEFAULT_MAX_PAUSE_DURATION. */
const DEFAULT_MAX_PAUSE_DURATION = 14n * 86_400n;

/** A module's pause as indexed (the `module_clock` table); absent: never paused. */
export interface ModulePause {
  readonly pauseFlag: boolean;
  readonly pausedAt: bigint;
  readonly pauseEndsAt: bigint;
  readonly pausedBefore: bigint;
  readonly maxPauseDuration: bigint;
  readonly guardianReadyAt: bigint;
}

/** AtlasModule `pauseState()` at `now`, plus `paused()`. */
export interface PauseState {
  readonly paused: boolean;
  readonly pauseEndsAt: bigint;
  readonly guardianReadyAt: bigint;
  readonly maxPauseDuration: bigint;
  readonly pausedDuration: bigint;
  readonly moduleTime: bigint;
}

/**
 * `pauseState()` at `now`: the time spent paused is what earlier pauses took plus the current
 * pause so far (or the last one whole, if it ended by itself while OpenZeppelin's flag stayed set).
 */
export function pauseState(pause: ModulePause | undefined, now: bigint): PauseState {
  if (pause === undefined) {
    return {
      paused: false,
      pauseEndsAt: 0n,
      guardianReadyAt: 0n,
      maxPauseDuration: DEFAULT_MAX_PAUSE_DURATION,
      pausedDuration: 0n,
      moduleTime: now,
    };
  }
  const current = pause.pauseFlag ? (now < pause.pauseEndsAt ? now : pause.pauseEndsAt) - pause.pausedAt : 0n;
  const pausedDuration = pause.pausedBefore + current;
  return {
    paused: pause.pauseFlag && now < pause.pauseEndsAt,
    pauseEndsAt: pause.pauseEndsAt,
    guardianReadyAt: pause.guardianReadyAt,
    maxPauseDuration: pause.maxPauseDuration === 0n ? DEFAULT_MAX_PAUSE_DURATION : pause.maxPauseDuration,
    pausedDuration,
    moduleTime: now - pausedDuration,
  };
}

/** The module's clock at `now` (`pauseState().moduleTime`). */
export const moduleTime = (pause: ModulePause | undefined, now: bigint): bigint => pauseState(pause, now).moduleTime;

/** `statusOf`: Cancelled once cancelled, else Expired from the deadline on (the board's clock `time`), else Open. */
export function bountyStatus(
  bounty: { readonly cancelled: boolean; readonly deadline: bigint },
  time: bigint,
): Exclude<BountyStatus, "none"> {
  if (bounty.cancelled) return "cancelled";
  return time >= bounty.deadline ? "expired" : "open";
}

/** StreamMath.streamed: linear from `start` to `end`, rounded down. */
export function streamed(amount: bigint, start: bigint, end: bigint, time: bigint): bigint {
  if (time <= start) return 0n;
  if (time >= end) return amount;
  return (amount * (time - start)) / (end - start);
}

/**
 * A streaming milestone's progress at the escrow's clock `time`: `vested` by its schedule once
 * funded (0 before), frozen at what had vested when it was ended early; `claimed` what the
 * contributor was paid (gross, `released`); `claimable` as `claimable()` answers (0 unless Funded).
 */
export function streamProgress(
  stream: {
    readonly amount: bigint;
    readonly start: bigint;
    readonly end: bigint;
    readonly released: bigint;
    readonly state: number;
    readonly cancelledVested: bigint | null;
  },
  time: bigint,
): { vested: bigint; claimed: bigint; claimable: bigint } {
  const FUNDED = 1;
  const UNFUNDED = 0;
  const vested =
    stream.state === UNFUNDED
      ? 0n
      : (stream.cancelledVested ?? streamed(stream.amount, stream.start, stream.end, time));
  const claimable = stream.state === FUNDED && vested > stream.released ? vested - stream.released : 0n;
  return { vested, claimed: stream.released, claimable };
}

/**
 * When `finalize` first succeeds as the dispute stands (`finalizableAt`), null once finalized:
 * round 1 ruled, after its appeal window; unruled, once twice the ruling period after the opening
 * passed (dismissed); round 2 ruled, at once; unruled, once a ruling period after the latest
 * appeal passed (the first ruling stands). Not a function of the time: a ruling or an appeal moves it.
 */
export function finalizableAt(
  dispute: {
    readonly status: number;
    readonly openedAt: bigint;
    readonly lastAppealAt: bigint;
    readonly appealWindow: bigint;
    readonly rulingPeriod: bigint;
  },
  rounds: readonly { readonly round: number; readonly ruled: boolean; readonly ruledAt: bigint }[],
): bigint | null {
  const OPEN = 1;
  const APPEALED = 2;
  const ruled = (round: number) => rounds.find((r) => r.round === round && r.ruled);
  if (dispute.status === OPEN) {
    const first = ruled(1);
    return first ? first.ruledAt + dispute.appealWindow + 1n : dispute.openedAt + 2n * dispute.rulingPeriod + 1n;
  }
  if (dispute.status === APPEALED) {
    const second = ruled(2);
    return second ? second.ruledAt : dispute.lastAppealAt + dispute.rulingPeriod + 1n;
  }
  return null;
}
