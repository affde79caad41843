import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import { PROPOSAL_STATES } from "../abi/enums.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.state] as const;

/** IGovernor.ProposalState, by name, in the contract's order (generated: sdk/src/abi/enums.ts). */
export { PROPOSAL_STATES };

export type ProposalState = (typeof PROPOSAL_STATES)[number];

export interface GetProposalStateParameters {
  readonly proposalId: bigint;
}

export type GetProposalStateReturnType = ProposalState;

export type GetProposalStateErrorType = AtlasError;

/**
 * The state of a proposal now.
 * @throws {AtlasContractError} `GovernorNonexistentProposal` for an unknown id.
 */
export async function getProposalState(
  context: AtlasContext,
  { proposalId }: GetProposalStateParameters,
): Promise<GetProposalStateReturnType> {
  try {
    const state = await context.publicClient.readContract({
      address: context.addresses.governor,
      abi: atlasGovernorItems,
      functionName: "state",
      args: [proposalId],
    });
    return PROPOSAL_STATES[state] ?? "Pending";
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
