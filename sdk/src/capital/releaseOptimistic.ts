import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend } from "../write.ts";

import type { MilestoneReleaseReturnType } from "./approveMilestone.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.releaseOptimistic, MilestoneEscrow.MilestoneReleased] as const;

/** The parameters of {@link releaseOptimistic}. */
export interface ReleaseOptimisticParameters {
  readonly escrowId: bigint;
  /** The lump milestone's index (from 0). */
  readonly index: bigint;
}

/** What {@link releaseOptimistic} returns. */
export type ReleaseOptimisticReturnType = MilestoneReleaseReturnType;

/** What {@link releaseOptimistic} throws: an `AtlasError` (its documentation says which). */
export type ReleaseOptimisticErrorType = AtlasError;

/**
 * Releases a submitted lump milestone that the funder neither approved nor disputed within the
 * review window. The contributor only.
 * @throws {AtlasContractError} e.g. `EscrowReviewWindowOpen`, `EscrowMilestoneNotSubmitted`,
 * `EscrowOnlyContributor`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function releaseOptimistic(
  context: AtlasContext,
  { escrowId, index }: ReleaseOptimisticParameters,
): Promise<ReleaseOptimisticReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "releaseOptimistic", {
    address: escrow,
    abi,
    functionName: "releaseOptimistic",
    args: [escrowId, index],
  });
  const { amount, fee } = emitted(result, escrow, abi, "MilestoneReleased").args;
  return { ...result, amount, fee };
}
