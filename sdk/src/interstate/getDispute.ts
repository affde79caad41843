import { isAddressEqual, zeroAddress, type Address } from "viem";

import * as Arbitration from "../abi/Arbitration.ts";
import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import { read } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";

import { ARBITER_DRAWERS, DISPUTE_STATUSES, type ArbiterDrawer, type DisputeStatus } from "./enums.ts";

/** The items of `Arbitration`'s ABI this action uses. */
const arbitrationItems = [Arbitration.getDispute, Arbitration.getRound] as const;
/** The items of `MilestoneEscrow`'s ABI this action uses. */
const escrowItems = [MilestoneEscrow.disputedMilestone] as const;

/** Bits of a dispute's `appellants` (IArbitration.Dispute). */
const CLAIMANT_APPEALED = 1;
const RESPONDENT_APPEALED = 2;

/** The parameters of {@link getDispute}. */
export interface GetDisputeParameters {
  readonly disputeId: bigint;
}

/** One round of a dispute. Times are unix seconds. */
export interface DisputeRound {
  /** Its arbiter; `undefined` until one is named or drawn (`proposeArbiter`). */
  readonly arbiter: Address | undefined;
  /** The arbiter's sovereign; `undefined` for an arbiter named at deal creation, a fallback arbiter, or none yet. */
  readonly sovereignId: bigint | undefined;
  /** Whether the arbiter is one of governance's fallback arbiters (drawn without a sovereign). */
  readonly fallbackArbiter: boolean;
  /**
   * Who made the arbiter the round's: a party, or `other` (the escrow naming the arbiter of its
   * terms, a keeper); `undefined` when there is no arbiter yet.
   */
  readonly drawnBy: ArbiterDrawer | undefined;
  /** When the arbiter was assigned; `undefined` when none is. */
  readonly assignedAt: bigint | undefined;
  /** The arbiter's ruling; `undefined` until it rules. */
  readonly ruling: { readonly shareToClaimant: number; readonly ruledAt: bigint } | undefined;
}

/** A dispute, its rounds and, for an escrow's dispute, the milestone it is about; read at one block. */
export interface GetDisputeReturnType {
  readonly disputeId: bigint;
  readonly status: DisputeStatus;
  /** The module holding what is disputed (the escrow). */
  readonly arbitrable: Address;
  /** Who opened the dispute. */
  readonly claimant: Address;
  readonly respondent: Address;
  /** The claimant's sovereign; `undefined` when none. */
  readonly claimantSovereign: bigint | undefined;
  /** The respondent's sovereign; `undefined` when none. */
  readonly respondentSovereign: bigint | undefined;
  /** The disputed token; the zero address for ETH. */
  readonly token: Address;
  /** The disputed amount, which rulings share in millionths. */
  readonly amount: bigint;
  readonly openedAt: bigint;
  /** How long after the first ruling a party may appeal, in seconds: this dispute's, fixed when it opened. */
  readonly appealWindow: number;
  /**
   * How long an arbiter has to rule before it can be replaced, in seconds: this dispute's, fixed
   * when it opened. Round 1 lasts at most twice as long from the opening; an appeal lapses one
   * ruling period after the latest appeal.
   */
  readonly rulingPeriod: number;
  /** When round 1's ruling was first appealed; `undefined` when it was not. */
  readonly appealedAt: bigint | undefined;
  /** When it was last appealed (the other party may join the appeal); `undefined` when it was not. */
  readonly lastAppealAt: bigint | undefined;
  /** The parties that appealed, claimant first; empty when none did. */
  readonly appellants: readonly Address[];
  /**
   * The party that moves the current round, the one an unruled round would harm: the claimant in
   * round 1 (an unruled claim is dismissed); in round 2 the appellant the first ruling disfavours
   * (or the first appellant after an even ruling). It may replace at once an arbiter it did not draw.
   */
  readonly mover: Address;
  /** Whether the current round's arbiter was drawn by its mover (if not, the mover may replace it at once). */
  readonly drawnByMover: boolean;
  /** Round 1, and round 2 once appealed. */
  readonly rounds: readonly DisputeRound[];
  /** Until when round 1's ruling may be appealed; `undefined` while unruled or once appealed or finalized. */
  readonly appealDeadline: bigint | undefined;
  /**
   * When the appeal lapses unless round 2 is ruled by then (the first ruling then stands);
   * `undefined` before an appeal, once round 2 is ruled, or once finalized.
   */
  readonly appealLapsesAt: bigint | undefined;
  /** The escrow milestone disputed, when the client's escrow opened the dispute. */
  readonly milestone: { readonly escrowId: bigint; readonly index: bigint } | undefined;
  /** Block the values were read at. */
  readonly blockNumber: bigint;
}

/** What {@link getDispute} throws: an `AtlasError` (its documentation says which). */
export type GetDisputeErrorType = AtlasError;

const time = (seconds: number) => (seconds === 0 ? undefined : BigInt(seconds));

/**
 * Reads an Arbitration dispute: its parties, what is disputed, its own periods, its appeals and
 * the current round's mover, its rounds (arbiters and rulings), its appeal deadline and, for the
 * client's escrow, the milestone. `getFinalizableAt` tells when it can be finalized.
 * @throws {AtlasContractError} `ArbitrationUnknownDispute` for an unknown id; {AtlasNetworkError}.
 */
export async function getDispute(
  context: AtlasContext,
  { disputeId }: GetDisputeParameters,
): Promise<GetDisputeReturnType> {
  return read(Arbitration.arbitrationErrors, async () => {
    const client = context.publicClient;
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const arbitration = { address: context.addresses.arbitration, abi: arbitrationItems, blockNumber } as const;
    const [dispute, first, second] = await Promise.all([
      client.readContract({ ...arbitration, functionName: "getDispute", args: [disputeId] }),
      client.readContract({ ...arbitration, functionName: "getRound", args: [disputeId, 1] }),
      client.readContract({ ...arbitration, functionName: "getRound", args: [disputeId, 2] }),
    ]);
    const fromEscrow = isAddressEqual(dispute.arbitrable, context.addresses.escrow);
    const [escrowId, index] = fromEscrow
      ? await client.readContract({
          address: context.addresses.escrow,
          abi: escrowItems,
          functionName: "disputedMilestone",
          args: [disputeId],
          blockNumber,
        })
      : [0n, 0n];
    const status = DISPUTE_STATUSES[dispute.status] ?? "none";
    const round = (r: typeof first): DisputeRound => {
      const assigned = r.arbiter !== zeroAddress;
      return {
        arbiter: assigned ? r.arbiter : undefined,
        sovereignId: r.sovereignId === 0n ? undefined : r.sovereignId,
        fallbackArbiter: r.fallbackArbiter,
        drawnBy: assigned ? (ARBITER_DRAWERS[r.drawnBy] ?? "other") : undefined,
        assignedAt: time(r.assignedAt),
        ruling: r.ruled ? { shareToClaimant: r.shareToClaimant, ruledAt: BigInt(r.ruledAt) } : undefined,
      };
    };
    const appellants = [
      ...(dispute.appellants & CLAIMANT_APPEALED ? [dispute.claimant] : []),
      ...(dispute.appellants & RESPONDENT_APPEALED ? [dispute.respondent] : []),
    ];
    const appealed = dispute.round === 2;
    return {
      disputeId,
      status,
      arbitrable: dispute.arbitrable,
      claimant: dispute.claimant,
      respondent: dispute.respondent,
      claimantSovereign: dispute.claimantSovereign === 0n ? undefined : dispute.claimantSovereign,
      respondentSovereign: dispute.respondentSovereign === 0n ? undefined : dispute.respondentSovereign,
      token: dispute.token,
      amount: dispute.amount,
      openedAt: BigInt(dispute.openedAt),
      appealWindow: dispute.appealWindow,
      rulingPeriod: dispute.rulingPeriod,
      appealedAt: time(dispute.appealedAt),
      lastAppealAt: time(dispute.lastAppealAt),
      appellants,
      mover: appealed ? dispute.appellant : dispute.claimant,
      drawnByMover: dispute.drawnByMover,
      rounds: appealed ? [round(first), round(second)] : [round(first)],
      appealDeadline:
        status === "open" && first.ruled ? BigInt(first.ruledAt) + BigInt(dispute.appealWindow) : undefined,
      appealLapsesAt:
        status === "appealed" && !second.ruled
          ? BigInt(dispute.lastAppealAt) + BigInt(dispute.rulingPeriod)
          : undefined,
      milestone: escrowId === 0n ? undefined : { escrowId, index },
      blockNumber,
    };
  });
}
