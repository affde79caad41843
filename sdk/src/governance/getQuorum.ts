import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.quorum] as const;

export interface GetQuorumParameters {
  /** A past timepoint (a timestamp, for AtlasToken's clock), e.g. a proposal's snapshot. */
  readonly timepoint: bigint;
}

/** Votes (for + abstain) a proposal with this snapshot needs, in the token's smallest unit. */
export type GetQuorumReturnType = bigint;

export type GetQuorumErrorType = AtlasError;

/**
 * The quorum at a timepoint: the quorum fraction of the token supply then.
 * @throws {AtlasContractError} `ERC5805FutureLookup` when the timepoint is not in the past.
 */
export async function getQuorum(
  context: AtlasContext,
  { timepoint }: GetQuorumParameters,
): Promise<GetQuorumReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.governor,
      abi: atlasGovernorItems,
      functionName: "quorum",
      args: [timepoint],
    });
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
