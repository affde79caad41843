import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.proposalVotes] as const;

export interface GetProposalVotesParameters {
  readonly proposalId: bigint;
}

/** Voting power cast on a proposal, by support (GovernorCountingSimple). */
export interface GetProposalVotesReturnType {
  readonly against: bigint;
  readonly for: bigint;
  readonly abstain: bigint;
}

export type GetProposalVotesErrorType = AtlasError;

/**
 * The tallies of a proposal (all zero for an unknown id: the governor does not check it here).
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getProposalVotes(
  context: AtlasContext,
  { proposalId }: GetProposalVotesParameters,
): Promise<GetProposalVotesReturnType> {
  try {
    const [against, inFavour, abstain] = await context.publicClient.readContract({
      address: context.addresses.governor,
      abi: atlasGovernorItems,
      functionName: "proposalVotes",
      args: [proposalId],
    });
    return { against, for: inFavour, abstain };
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
