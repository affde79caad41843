import type { Address, Hex } from "viem";

import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { attest, type AttestationOptions, type AttestReturnType } from "./attest.ts";
import type { MilestoneVerificationData } from "./attestationData.ts";

export interface AttestMilestoneVerificationParameters
  extends Omit<MilestoneVerificationData, "chainId" | "escrow">, AttestationOptions {
  /** The attestation's recipient (e.g. the payee); default: none (the zero address). */
  readonly recipient?: Address;
  /** An attestation this one refers to (e.g. the execution record of the work); default: none. */
  readonly refUID?: Hex;
}

export type AttestMilestoneVerificationReturnType = AttestReturnType;

export type AttestMilestoneVerificationErrorType = AtlasError;

/**
 * A verifier's verdict on an escrow milestone (EAS `milestoneVerification`: this chain and the
 * client's escrow contract, escrow id, milestone index, approved or not, evidence URI), attested
 * by the wallet account. The escrow refuses a verification naming another chain or contract.
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
    {
      chainId: BigInt(context.chainId),
      escrow: context.addresses.escrow,
      escrowId,
      milestoneIndex,
      approved,
      evidenceURI,
    },
    { ...options, recipient, refUID },
  );
}
