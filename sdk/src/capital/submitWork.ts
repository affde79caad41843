import { zeroHash, type Hex } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkBytes32 } from "../validate.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.submitWork] as const;

/** The parameters of {@link submitWork}. */
export interface SubmitWorkParameters {
  readonly bountyId: bigint;
  /** Where the work lives. */
  readonly evidenceURI: string;
  /** keccak256 of the work: the evidence recorded in the ledger with an award. */
  readonly contentHash: Hex;
  /**
   * The wallet account's credential attestation, when the bounty requires one (see
   * `attestSkillCredential`); default: none.
   */
  readonly credentialUID?: Hex;
}

/** What {@link submitWork} returns. */
export type SubmitWorkReturnType = WriteResult;

/** What {@link submitWork} throws: an `AtlasError` (its documentation says which). */
export type SubmitWorkErrorType = AtlasError;

/**
 * Submits the wallet account's work to an open bounty, once (a submission is never replaced).
 * @throws {AtlasInputError} for a hash or UID that is not 32 bytes; {AtlasContractError} e.g.
 * `BountyAlreadySubmitted`, `BountyNotOpen`, `BountyMissingEvidence`, `BountyCredentialInvalid`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function submitWork(
  context: AtlasContext,
  { bountyId, evidenceURI, contentHash, credentialUID }: SubmitWorkParameters,
): Promise<SubmitWorkReturnType> {
  return simulateAndSend(context, BountyBoard.bountyBoardErrors, "submitWork", {
    address: context.addresses.bountyBoard,
    abi,
    functionName: "submitWork",
    args: [
      bountyId,
      evidenceURI,
      checkBytes32("contentHash", contentHash),
      credentialUID === undefined ? zeroHash : checkBytes32("credentialUID", credentialUID),
    ],
  });
}
