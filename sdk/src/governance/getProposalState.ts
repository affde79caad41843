import { atlasGovernorAbi } from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, governanceErrors, type AtlasError } from "../errors.ts";

/** IGovernor.ProposalState, by name, in the contract's order. */
export const PROPOSAL_STATES = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;

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
      abi: atlasGovernorAbi,
      functionName: "state",
      args: [proposalId],
    });
    return PROPOSAL_STATES[state] ?? "Pending";
  } catch (error) {
    throw decodeAtlasError(error, governanceErrors);
  }
}
