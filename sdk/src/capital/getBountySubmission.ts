import { zeroHash, type Address, type Hex } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.submissionOf] as const;

/** The parameters of {@link getBountySubmission}. */
export interface GetBountySubmissionParameters {
  readonly bountyId: bigint;
  /** The submitter. */
  readonly account: Address;
}

/** An account's submission to a bounty; `undefined` when it submitted nothing. */
export type GetBountySubmissionReturnType =
  | {
      /** The work's content hash, as submitted. */
      readonly contentHash: Hex;
      /** What it was awarded (0: nothing yet). */
      readonly awarded: bigint;
    }
  | undefined;

/** What {@link getBountySubmission} throws: an `AtlasError` (its documentation says which). */
export type GetBountySubmissionErrorType = AtlasError;

/**
 * Reads an account's submission to a bounty and its award.
 * @throws {AtlasInputError} for an `account` that is not an address; {AtlasNetworkError}.
 */
export async function getBountySubmission(
  context: AtlasContext,
  { bountyId, account }: GetBountySubmissionParameters,
): Promise<GetBountySubmissionReturnType> {
  const submitter = checkAddress("account", account);
  try {
    const [contentHash, awarded] = await context.publicClient.readContract({
      address: context.addresses.bountyBoard,
      abi,
      functionName: "submissionOf",
      args: [bountyId, submitter],
    });
    return contentHash === zeroHash ? undefined : { contentHash, awarded };
  } catch (error) {
    throw decodeAtlasError(error, BountyBoard.bountyBoardErrors);
  }
}
