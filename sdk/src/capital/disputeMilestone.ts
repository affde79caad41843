import type { Hex } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkBytes32 } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.dispute, MilestoneEscrow.MilestoneDisputed] as const;

/** The parameters of {@link disputeMilestone}. */
export interface DisputeMilestoneParameters {
  readonly escrowId: bigint;
  /** The milestone's index (from 0): a submitted lump, or a stream its funder cancelled. */
  readonly index: bigint;
  /** Where the claimant's evidence lives. */
  readonly evidenceURI: string;
  /** keccak256 of that evidence. */
  readonly evidenceHash: Hex;
}

/** What {@link disputeMilestone} returns. */
export interface DisputeMilestoneReturnType extends WriteResult {
  /** The Arbitration dispute opened, with the wallet account as claimant (`getDispute`). */
  readonly disputeId: bigint;
}

/** What {@link disputeMilestone} throws: an `AtlasError` (its documentation says which). */
export type DisputeMilestoneErrorType = AtlasError;

/**
 * Disputes a submitted lump milestone within its review window (funder or contributor), or the
 * unvested rest of a stream its funder cancelled, within the review window after the
 * cancellation (contributor only): opens an Arbitration dispute over what the escrow still holds
 * of it, the wallet account as claimant. The milestone stays locked until the final ruling
 * splits it (`finalizeDispute`). Without a named arbiter, one is drawn with `proposeArbiter`
 * (from a sovereign both parties' sovereigns recognize, or governance's fallback arbiters).
 * @throws {AtlasInputError} for an `evidenceHash` that is not 32 bytes; {AtlasContractError} e.g.
 * `EscrowReviewWindowClosed`, `EscrowMilestoneNotSubmitted`, `EscrowOnlyParty`,
 * `EscrowOnlyContributor` (a funder disputing its own cancellation), `ArbitrationMissingEvidence`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function disputeMilestone(
  context: AtlasContext,
  { escrowId, index, evidenceURI, evidenceHash }: DisputeMilestoneParameters,
): Promise<DisputeMilestoneReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "disputeMilestone", {
    address: escrow,
    abi,
    functionName: "dispute",
    args: [escrowId, index, evidenceURI, checkBytes32("evidenceHash", evidenceHash)],
  });
  return { ...result, disputeId: emitted(result, escrow, abi, "MilestoneDisputed").args.disputeId };
}
