/**
 * Proposal states as the governor reports them: `state(id)` for each proposal, all read at one
 * block through Ponder's client of the indexed chain. Reading the chain (rather than deriving the
 * state from indexed rows and the clock) keeps quorum, timelock and late-quorum rules in one place,
 * the contract.
 */
import { PROPOSAL_STATES, type ProposalState } from "@atlas-os/sdk";
import { atlasGovernorAbi } from "@atlas-os/sdk/abi";
import type { Address, PublicClient } from "viem";

import { ChainUnavailableError } from "./errors.ts";

export interface ProposalStates {
  /** The block the states were read at. */
  readonly blockNumber: bigint;
  readonly states: ReadonlyMap<bigint, ProposalState>;
}

export async function readProposalStates(
  client: PublicClient,
  governor: Address,
  proposalIds: readonly bigint[],
): Promise<ProposalStates> {
  try {
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const states = await Promise.all(
      proposalIds.map((id) =>
        client.readContract({
          address: governor,
          abi: atlasGovernorAbi,
          functionName: "state",
          args: [id],
          blockNumber,
        }),
      ),
    );
    return {
      blockNumber,
      states: new Map(proposalIds.map((id, i) => [id, PROPOSAL_STATES[states[i]!] ?? "Pending"])),
    };
  } catch (error) {
    throw new ChainUnavailableError(
      `Cannot read proposal states from the chain: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      { cause: error },
    );
  }
}
