import type { Address } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { PROPOSAL_STATES, type ProposalState } from "./getProposalState.ts";
import type { GetProposalVotesReturnType } from "./getProposalVotes.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [
  AtlasGovernor.clock,
  AtlasGovernor.proposalDeadline,
  AtlasGovernor.proposalEta,
  AtlasGovernor.proposalProposer,
  AtlasGovernor.proposalSnapshot,
  AtlasGovernor.proposalVotes,
  AtlasGovernor.quorum,
  AtlasGovernor.state,
] as const;

export interface GetProposalParameters {
  readonly proposalId: bigint;
}

/** One proposal's state and tallies, all read at the same block. */
export interface GetProposalReturnType {
  readonly proposalId: bigint;
  readonly state: ProposalState;
  readonly proposer: Address;
  /** Timepoint whose voting power counts; voting opens just after it. */
  readonly snapshot: bigint;
  /** Last timepoint at which votes are accepted, including any late-quorum extension. */
  readonly deadline: bigint;
  /** Timepoint from which the queued proposal can be executed; `undefined` until it is queued. */
  readonly eta: bigint | undefined;
  /** Votes needed (for + abstain) at the snapshot; `undefined` while the snapshot is not yet past. */
  readonly quorum: bigint | undefined;
  /** Whether for + abstain votes reach the quorum. */
  readonly quorumReached: boolean;
  readonly votes: GetProposalVotesReturnType;
  /** Block the values were read at. */
  readonly blockNumber: bigint;
}

export type GetProposalErrorType = AtlasError;

/**
 * Reads a proposal's state, tallies, snapshot, deadline, eta, proposer and quorum, consistently
 * at the latest block.
 * @throws {AtlasContractError} `GovernorNonexistentProposal` for an unknown id; {AtlasNetworkError}.
 */
export async function getProposal(
  context: AtlasContext,
  { proposalId }: GetProposalParameters,
): Promise<GetProposalReturnType> {
  const address = context.addresses.governor;
  const abi = atlasGovernorItems;
  try {
    // Not cached: a read right after a write must see that write.
    const blockNumber = await context.publicClient.getBlockNumber({ cacheTime: 0 });
    const read = { address, abi, blockNumber } as const;
    const client = context.publicClient;
    const [state, [against, inFavour, abstain], snapshot, deadline, eta, proposer, clock] = await Promise.all([
      client.readContract({ ...read, functionName: "state", args: [proposalId] }),
      client.readContract({ ...read, functionName: "proposalVotes", args: [proposalId] }),
      client.readContract({ ...read, functionName: "proposalSnapshot", args: [proposalId] }),
      client.readContract({ ...read, functionName: "proposalDeadline", args: [proposalId] }),
      client.readContract({ ...read, functionName: "proposalEta", args: [proposalId] }),
      client.readContract({ ...read, functionName: "proposalProposer", args: [proposalId] }),
      client.readContract({ ...read, functionName: "clock" }),
    ]);
    // The token only answers past timepoints: no quorum before the snapshot has passed.
    const quorum =
      snapshot < BigInt(clock)
        ? await client.readContract({ ...read, functionName: "quorum", args: [snapshot] })
        : undefined;
    return {
      proposalId,
      state: PROPOSAL_STATES[state] ?? "Pending",
      proposer,
      snapshot,
      deadline,
      eta: eta === 0n ? undefined : eta,
      quorum,
      quorumReached: quorum !== undefined && inFavour + abstain >= quorum,
      votes: { against, for: inFavour, abstain },
      blockNumber,
    };
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
