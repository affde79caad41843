import { isAddressEqual, zeroAddress, type Address } from "viem";

import * as Arbitration from "../abi/Arbitration.ts";
import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import { read } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { interstateErrors, type AtlasError } from "../errors.ts";

import { DISPUTE_STATUSES, type DisputeStatus } from "./enums.ts";

/** The items of `Arbitration`'s ABI this action uses. */
const arbitrationItems = [Arbitration.getDispute, Arbitration.getRound, Arbitration.appealWindow] as const;
/** The items of `MilestoneEscrow`'s ABI this action uses. */
const escrowItems = [MilestoneEscrow.disputedMilestone] as const;

/** The parameters of {@link getDispute}. */
export interface GetDisputeParameters {
  readonly disputeId: bigint;
}

/** One round of a dispute. Times are unix seconds. */
export interface DisputeRound {
  /** Its arbiter; `undefined` until one is named or drawn (`proposeArbiter`). */
  readonly arbiter: Address | undefined;
  /** The arbiter's sovereign; `undefined` for an arbiter named at deal creation, or none yet. */
  readonly sovereignId: bigint | undefined;
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
  /** When round 1's ruling was appealed; `undefined` when it was not. */
  readonly appealedAt: bigint | undefined;
  /** The party that appealed; `undefined` when none did. */
  readonly appellant: Address | undefined;
  /** Round 1, and round 2 once appealed. */
  readonly rounds: readonly DisputeRound[];
  /** Until when round 1's ruling may be appealed; `undefined` while unruled or once appealed or finalized. */
  readonly appealDeadline: bigint | undefined;
  /** The escrow milestone disputed, when the client's escrow opened the dispute. */
  readonly milestone: { readonly escrowId: bigint; readonly index: bigint } | undefined;
  /** Block the values were read at. */
  readonly blockNumber: bigint;
}

/** What {@link getDispute} throws: an `AtlasError` (its documentation says which). */
export type GetDisputeErrorType = AtlasError;

const time = (seconds: number) => (seconds === 0 ? undefined : BigInt(seconds));

/**
 * Reads an Arbitration dispute: its parties, what is disputed, its rounds (arbiters and rulings),
 * its appeal deadline and, for the client's escrow, the milestone.
 * @throws {AtlasContractError} `ArbitrationUnknownDispute` for an unknown id; {AtlasNetworkError}.
 */
export async function getDispute(
  context: AtlasContext,
  { disputeId }: GetDisputeParameters,
): Promise<GetDisputeReturnType> {
  return read(interstateErrors, async () => {
    const client = context.publicClient;
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const arbitration = { address: context.addresses.arbitration, abi: arbitrationItems, blockNumber } as const;
    const [dispute, first, second, appealWindow] = await Promise.all([
      client.readContract({ ...arbitration, functionName: "getDispute", args: [disputeId] }),
      client.readContract({ ...arbitration, functionName: "getRound", args: [disputeId, 1] }),
      client.readContract({ ...arbitration, functionName: "getRound", args: [disputeId, 2] }),
      client.readContract({ ...arbitration, functionName: "appealWindow" }),
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
    const round = ({ arbiter, sovereignId, assignedAt, ruled, shareToClaimant, ruledAt }: typeof first) => ({
      arbiter: arbiter === zeroAddress ? undefined : arbiter,
      sovereignId: sovereignId === 0n ? undefined : sovereignId,
      assignedAt: time(assignedAt),
      ruling: ruled ? { shareToClaimant, ruledAt: BigInt(ruledAt) } : undefined,
    });
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
      appealedAt: time(dispute.appealedAt),
      appellant: dispute.appellant === zeroAddress ? undefined : dispute.appellant,
      rounds: dispute.round === 2 ? [round(first), round(second)] : [round(first)],
      appealDeadline: status === "open" && first.ruled ? BigInt(first.ruledAt) + BigInt(appealWindow) : undefined,
      milestone: escrowId === 0n ? undefined : { escrowId, index },
      blockNumber,
    };
  });
}
