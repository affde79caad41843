import type { Hex } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkBytes32 } from "../validate.ts";
import { emitted, simulateAndSend } from "../write.ts";

import type { MilestoneReleaseReturnType } from "./approveMilestone.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.approveWithAttestation, MilestoneEscrow.MilestoneReleased] as const;

/** The parameters of {@link approveWithAttestation}. */
export interface ApproveWithAttestationParameters {
  readonly escrowId: bigint;
  /** The lump milestone's index (from 0). */
  readonly index: bigint;
  /**
   * The escrow verifier's approving milestone verification: the UID that the verifier's
   * `attestMilestoneVerification` (graph actions) returned for this escrow and milestone.
   */
  readonly uid: Hex;
}

/** What {@link approveWithAttestation} returns. */
export type ApproveWithAttestationReturnType = MilestoneReleaseReturnType;

/** What {@link approveWithAttestation} throws: an `AtlasError` (its documentation says which). */
export type ApproveWithAttestationErrorType = AtlasError;

/**
 * Releases a funded lump milestone on its verifier's approving milestone verification (an EAS
 * attestation of the `milestoneVerification` schema naming this chain, this escrow contract, the
 * escrow and the milestone, made after the escrow's creation, unrevoked and unexpired). Anyone
 * may send it: the attestation is the approval. A milestone never submitted can be released so
 * only until its deadline (a missed deadline belongs to the funder's reclaim).
 * @throws {AtlasInputError} for a `uid` that is not 32 bytes; {AtlasContractError} e.g.
 * `EscrowInvalidAttestation`, `EscrowAttesterNotVerifier`, `EscrowAttestationWrongEscrowContract`,
 * `EscrowAttestationBeforeEscrow`, `EscrowAttestationMismatch`, `EscrowAttestationNotApproving`,
 * `EscrowDeadlinePassed`, `EscrowNoVerifier`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function approveWithAttestation(
  context: AtlasContext,
  { escrowId, index, uid }: ApproveWithAttestationParameters,
): Promise<ApproveWithAttestationReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "approveWithAttestation", {
    address: escrow,
    abi,
    functionName: "approveWithAttestation",
    args: [escrowId, index, checkBytes32("uid", uid)],
  });
  const { amount, fee } = emitted(result, escrow, abi, "MilestoneReleased").args;
  return { ...result, amount, fee };
}
