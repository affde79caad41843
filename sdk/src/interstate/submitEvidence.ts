import type { Hex } from "viem";

import * as Arbitration from "../abi/Arbitration.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkBytes32 } from "../validate.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.submitEvidence] as const;

/** The parameters of {@link submitEvidence}. */
export interface SubmitEvidenceParameters {
  readonly disputeId: bigint;
  /** Where the evidence lives. */
  readonly uri: string;
  /** keccak256 of the evidence document. */
  readonly hash: Hex;
}

/** What {@link submitEvidence} returns. */
export type SubmitEvidenceReturnType = WriteResult;

/** What {@link submitEvidence} throws: an `AtlasError` (its documentation says which). */
export type SubmitEvidenceErrorType = AtlasError;

/**
 * Records evidence for the arbiter (an `EvidenceSubmitted` event). Either party, until the
 * dispute is finalized.
 * @throws {AtlasInputError} for a `hash` that is not 32 bytes; {AtlasContractError} e.g.
 * `ArbitrationNotParty`, `ArbitrationDisputeClosed`, `ArbitrationMissingEvidence`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function submitEvidence(
  context: AtlasContext,
  { disputeId, uri, hash }: SubmitEvidenceParameters,
): Promise<SubmitEvidenceReturnType> {
  return simulateAndSend(context, Arbitration.arbitrationErrors, "submitEvidence", {
    address: context.addresses.arbitration,
    abi,
    functionName: "submitEvidence",
    args: [disputeId, uri, checkBytes32("hash", hash)],
  });
}
