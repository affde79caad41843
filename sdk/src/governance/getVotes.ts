import type { Address } from "viem";

import { atlasTokenErrors } from "../abi/AtlasToken.ts";
import * as AtlasToken from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `AtlasToken`'s ABI this action uses. */
const atlasTokenItems = [AtlasToken.getPastVotes, AtlasToken.getVotes] as const;

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
  const token = { address: context.addresses.token, abi: atlasTokenItems } as const;
  try {
    return timepoint === undefined
      ? await context.publicClient.readContract({ ...token, functionName: "getVotes", args: [account] })
      : await context.publicClient.readContract({ ...token, functionName: "getPastVotes", args: [account, timepoint] });
  } catch (error) {
    throw decodeAtlasError(error, atlasTokenErrors);
  }
}
