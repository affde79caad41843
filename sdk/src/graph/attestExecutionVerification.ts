import type { Address, Hex } from "viem";

import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { attest, type AttestationOptions, type AttestReturnType } from "./attest.ts";
import type { ExecutionVerificationData } from "./attestationData.ts";

export interface AttestExecutionVerificationParameters
  extends Omit<ExecutionVerificationData, "chainId" | "ledger">, AttestationOptions {
  /** The execution record verified (the attestation's `refUID`). */
  readonly executionUID: Hex;
  /** The attestation's recipient; default: none (the zero address). */
  readonly recipient?: Address;
}

export type AttestExecutionVerificationReturnType = AttestReturnType;

export type AttestExecutionVerificationErrorType = AtlasError;

/**
 * A verifier's verdict on an execution record (EAS `executionVerification`, referring to it):
 * approved or not, the reputation points it earns (at most the ledger's `maxExecutionPoints`), and a
 * comment, naming this chain and the client's ledger. Counts for the ledger when the
 * wallet account holds the verifier role in the record's sovereign and is not its actor.
 * @throws {AtlasContractError} e.g. `NotFound` (no execution record with that UID);
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function attestExecutionVerification(
  context: AtlasContext,
  { executionUID, approved, points, comment, recipient, ...options }: AttestExecutionVerificationParameters,
): Promise<AttestExecutionVerificationReturnType> {
  return attest(
    context,
    "attestExecutionVerification",
    "executionVerification",
    { chainId: BigInt(context.chainId), ledger: context.addresses.ledger, approved, points, comment },
    { ...options, recipient, refUID: executionUID },
  );
}
