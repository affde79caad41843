import type { Address } from "viem";

import { atlasTokenAbi } from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, governanceErrors, type AtlasError } from "../errors.ts";

export interface GetVotesParameters {
  readonly account: Address;
  /** A past timepoint (e.g. a proposal's snapshot); default: the voting power now. */
  readonly timepoint?: bigint;
}

/** Voting power delegated to the account, in the token's smallest unit. */
export type GetVotesReturnType = bigint;

export type GetVotesErrorType = AtlasError;

/**
 * An account's voting power now, or at a past timepoint. Tokens count only once delegated (to
 * oneself or another account).
 * @throws {AtlasContractError} `ERC5805FutureLookup` when `timepoint` is not in the past.
 */
export async function getVotes(
  context: AtlasContext,
  { account, timepoint }: GetVotesParameters,
): Promise<GetVotesReturnType> {
  const token = { address: context.addresses.token, abi: atlasTokenAbi } as const;
  try {
    return timepoint === undefined
      ? await context.publicClient.readContract({ ...token, functionName: "getVotes", args: [account] })
      : await context.publicClient.readContract({ ...token, functionName: "getPastVotes", args: [account, timepoint] });
  } catch (error) {
    throw decodeAtlasError(error, governanceErrors);
  }
}
