import type { Hex } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkBytes32 } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.submitMilestone, MilestoneEscrow.MilestoneSubmitted] as const;

/** The parameters of {@link submitMilestone}. */
export interface SubmitMilestoneParameters {
  readonly escrowId: bigint;
  /** The lump milestone's index (from 0). */
  readonly index: bigint;
  /** Where the evidence of the work lives. */
  readonly evidenceURI: string;
  /** keccak256 of that evidence. */
  readonly evidenceHash: Hex;
}

/** What {@link submitMilestone} returns. */
export interface SubmitMilestoneReturnType extends WriteResult {
  /**
   * When the funder's review ends (on the escrow's clock): until then the funder may approve or dispute;
   * afterwards the contributor may release it with `releaseOptimistic`.
   */
  readonly reviewEndsAt: bigint;
}

/** What {@link submitMilestone} throws: an `AtlasError` (its documentation says which). */
export type SubmitMilestoneErrorType = AtlasError;

/**
 * Submits a funded lump milestone's work for review, by its deadline. The contributor only, once
 * it accepted the escrow's terms (`acceptEscrow`).
 * @throws {AtlasInputError} for an `evidenceHash` that is not 32 bytes; {AtlasContractError} e.g.
 * `EscrowTermsNotAccepted`, `EscrowOnlyContributor`, `EscrowMilestoneNotFunded`, `EscrowDeadlinePassed`,
 * `EscrowMilestoneAlreadySubmitted`, `EscrowWrongKind`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function submitMilestone(
  context: AtlasContext,
  { escrowId, index, evidenceURI, evidenceHash }: SubmitMilestoneParameters,
): Promise<SubmitMilestoneReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "submitMilestone", {
    address: escrow,
    abi,
    functionName: "submitMilestone",
    args: [escrowId, index, evidenceURI, checkBytes32("evidenceHash", evidenceHash)],
  });
  const { reviewEndsAt } = emitted(result, escrow, abi, "MilestoneSubmitted").args;
  return { ...result, reviewEndsAt };
}
