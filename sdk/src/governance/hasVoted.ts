import type { Address } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.hasVoted] as const;

export interface HasVotedParameters {
  readonly proposalId: bigint;
  readonly account: Address;
}

export type HasVotedReturnType = boolean;

export type HasVotedErrorType = AtlasError;

/**
 * Whether an account has voted on a proposal (directly or by signature).
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function hasVoted(
  context: AtlasContext,
  { proposalId, account }: HasVotedParameters,
): Promise<HasVotedReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.governor,
      abi: atlasGovernorItems,
      functionName: "hasVoted",
      args: [proposalId, account],
    });
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
