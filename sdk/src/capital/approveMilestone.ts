import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.approveMilestone, MilestoneEscrow.MilestoneReleased] as const;

/** The parameters of {@link approveMilestone}. */
export interface ApproveMilestoneParameters {
  readonly escrowId: bigint;
  /** The lump milestone's index (from 0). */
  readonly index: bigint;
}

/** What a lump milestone's release paid (`MilestoneReleased`). */
export interface MilestoneReleaseReturnType extends WriteResult {
  /** What the contributor received (pushed, or credited to withdraw when the push failed). */
  readonly amount: bigint;
  /** The protocol fee taken from it. */
  readonly fee: bigint;
}

/** What {@link approveMilestone} returns. */
export type ApproveMilestoneReturnType = MilestoneReleaseReturnType;

/** What {@link approveMilestone} throws: an `AtlasError` (its documentation says which). */
export type ApproveMilestoneErrorType = AtlasError;

/**
 * Approves a funded lump milestone (submitted or not) and releases it to the contributor. The
 * funder only.
 * @throws {AtlasContractError} e.g. `EscrowOnlyFunder`, `EscrowMilestoneNotFunded`,
 * `EscrowMilestoneAlreadyReleased`, `EscrowMilestoneAlreadyDisputed`, `EscrowWrongKind`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function approveMilestone(
  context: AtlasContext,
  { escrowId, index }: ApproveMilestoneParameters,
): Promise<ApproveMilestoneReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "approveMilestone", {
    address: escrow,
    abi,
    functionName: "approveMilestone",
    args: [escrowId, index],
  });
  const { amount, fee } = emitted(result, escrow, abi, "MilestoneReleased").args;
  return { ...result, amount, fee };
}
