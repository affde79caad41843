import type { Address, Hex } from "viem";

import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { attest, type AttestationOptions, type AttestReturnType } from "./attest.ts";
import type { MilestoneVerificationData } from "./attestationData.ts";

export interface AttestMilestoneVerificationParameters extends MilestoneVerificationData, AttestationOptions {
  /** The attestation's recipient (e.g. the payee); default: none (the zero address). */
  readonly recipient?: Address;
  /** An attestation this one refers to (e.g. the execution record of the work); default: none. */
  readonly refUID?: Hex;
}

export type AttestMilestoneVerificationReturnType = AttestReturnType;

export type AttestMilestoneVerificationErrorType = AtlasError;

/**
 * A verifier's verdict on an escrow milestone (EAS `milestoneVerification`: escrow id, milestone
 * index, approved or not, evidence URI), attested by the wallet account.
 * @throws {AtlasContractError} e.g. `NotFound` (an unknown `refUID`); {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function attestMilestoneVerification(
  context: AtlasContext,
  {
    escrowId,
    milestoneIndex,
    approved,
    evidenceURI,
    recipient,
    refUID,
    ...options
  }: AttestMilestoneVerificationParameters,
): Promise<AttestMilestoneVerificationReturnType> {
  return attest(
    context,
    "attestMilestoneVerification",
    "milestoneVerification",
    { escrowId, milestoneIndex, approved, evidenceURI },
    { ...options, recipient, refUID },
  );
}
