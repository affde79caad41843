import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.reclaimMilestone, MilestoneEscrow.MilestoneReclaimed] as const;

/** The parameters of {@link reclaimMilestone}. */
export interface ReclaimMilestoneParameters {
  readonly escrowId: bigint;
  /** The milestone's index (from 0): a lump, or a stream the funder cancelled. */
  readonly index: bigint;
}

/** What {@link reclaimMilestone} returns. */
export interface ReclaimMilestoneReturnType extends WriteResult {
  /** What went back to the funder (pushed, or credited to withdraw when the push failed). */
  readonly amount: bigint;
}

/** What {@link reclaimMilestone} throws: an `AtlasError` (its documentation says which). */
export type ReclaimMilestoneErrorType = AtlasError;

/**
 * Takes back a funded lump milestone that was not submitted by its deadline, or the unvested rest
 * of a stream the funder cancelled (`cancelStream`) once the contributor's review window passed
 * without a dispute. The funder only.
 * @throws {AtlasContractError} e.g. `EscrowDeadlineNotPassed`, `EscrowMilestoneAlreadySubmitted`,
 * `EscrowReviewWindowOpen` (a cancelled stream the contributor may still dispute), `EscrowOnlyFunder`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function reclaimMilestone(
  context: AtlasContext,
  { escrowId, index }: ReclaimMilestoneParameters,
): Promise<ReclaimMilestoneReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "reclaimMilestone", {
    address: escrow,
    abi,
    functionName: "reclaimMilestone",
    args: [escrowId, index],
  });
  return { ...result, amount: emitted(result, escrow, abi, "MilestoneReclaimed").args.amount };
}
