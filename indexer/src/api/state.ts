/**
 * Reads from the chain that some answers need, batched: every call of one read goes into one
 * multicall (Multicall3's `aggregate3`, run deployless: an `eth_call` of its creation code, so it
 * needs no Multicall3 on the chain), made at one block. Reading the governor's `state(id)` (rather
 * than deriving the state from indexed rows and the clock) keeps quorum, timelock and late-quorum
 * rules in one place, the contract; a bounty's `refundOf` keeps the board's share accounting there.
 * The routes call these once per indexed block, whatever the number of requests (index.ts, capital.ts).
 */
import { PROPOSAL_STATES, type ProposalState } from "@atlas-os/sdk";
import { atlasGovernorAbi, bountyBoardAbi } from "@atlas-os/sdk/abi";
import type { Abi, Address, ContractFunctionParameters, Hex, PublicClient } from "viem";

import { ChainUnavailableError } from "./errors.ts";

/** Calls per `eth_call`: ~20k gas each stays far below any node's gas cap for calls. */
export const CALLS_PER_MULTICALL = 500;

/** The part of a viem client the reads use (a test passes a fake). */
export type MulticallClient = Pick<PublicClient, "multicall">;

/**
 * `calls` at `blockNumber`, in as few `eth_call`s as CALLS_PER_MULTICALL allows (one for up to
 * 500 calls); any failure (a revert, the RPC) fails the whole read with `what` in the message.
 */
async function multicallAt(
  client: MulticallClient,
  calls: readonly ContractFunctionParameters<Abi>[],
  blockNumber: bigint,
  what: string,
): Promise<unknown[]> {
  try {
    const chunks: ContractFunctionParameters<Abi>[][] = [];
    for (let i = 0; i < calls.length; i += CALLS_PER_MULTICALL) chunks.push(calls.slice(i, i + CALLS_PER_MULTICALL));
    const results = await Promise.all(
      chunks.map((contracts) =>
        client.multicall({ contracts, blockNumber, allowFailure: false, deployless: true, batchSize: 0 }),
      ),
    );
    return results.flat();
  } catch (error) {
    throw new ChainUnavailableError(
      `Cannot read ${what} from the chain: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
      { cause: error },
    );
  }
}

/** The governor's `state(id)` of each proposal at `blockNumber`. */
export async function readProposalStates(
  client: MulticallClient,
  governor: Address,
  proposalIds: readonly bigint[],
  blockNumber: bigint,
): Promise<ReadonlyMap<bigint, ProposalState>> {
  if (proposalIds.length === 0) return new Map();
  const calls = proposalIds.map(
    (id) => ({ address: governor, abi: atlasGovernorAbi, functionName: "state", args: [id] }) as const,
  );
  const states = (await multicallAt(client, calls, blockNumber, "proposal states")) as number[];
  return new Map(proposalIds.map((id, i) => [id, PROPOSAL_STATES[states[i]!] ?? "Pending"]));
}

/** What the board's `refundOf(bountyId, funder)` says for each funder at `blockNumber`. */
export async function readRefunds(
  client: MulticallClient,
  board: Address,
  bountyId: bigint,
  funders: readonly Hex[],
  blockNumber: bigint,
): Promise<ReadonlyMap<Hex, bigint>> {
  if (funders.length === 0) return new Map();
  const calls = funders.map(
    (funder) => ({ address: board, abi: bountyBoardAbi, functionName: "refundOf", args: [bountyId, funder] }) as const,
  );
  const refunds = (await multicallAt(client, calls, blockNumber, `bounty ${bountyId}'s refunds`)) as bigint[];
  return new Map(funders.map((funder, i) => [funder, refunds[i]!]));
}
