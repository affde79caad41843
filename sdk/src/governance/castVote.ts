import { parseEventLogs, type Hash, type TransactionReceipt } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend } from "../write.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.VoteCast, AtlasGovernor.castVote, AtlasGovernor.castVoteWithReason] as const;

/** Vote support values of GovernorCountingSimple. */
export const VoteSupport = { against: 0, for: 1, abstain: 2 } as const;

export type VoteSupport = keyof typeof VoteSupport;

export interface CastVoteParameters {
  readonly proposalId: bigint;
  readonly support: VoteSupport;
  /** Shown with the vote by governance frontends; sends `castVoteWithReason` when given. */
  readonly reason?: string;
}

export interface CastVoteReturnType {
  readonly hash: Hash;
  readonly receipt: TransactionReceipt;
  /** Voting power counted, read from the VoteCast event. */
  readonly weight: bigint;
}

export type CastVoteErrorType = AtlasError;

/**
 * Casts the wallet account's vote on a proposal, with a reason when one is given.
 * @throws {AtlasContractError} e.g. `GovernorAlreadyCastVote`, `GovernorUnexpectedProposalState`,
 * `AtlasGovernorZeroVotingPower`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasNetworkError}.
 */
export async function castVote(
  context: AtlasContext,
  { proposalId, support, reason }: CastVoteParameters,
): Promise<CastVoteReturnType> {
  const { hash, receipt } = await simulateAndSend(context, atlasGovernorErrors, "castVote", {
    address: context.addresses.governor,
    abi: atlasGovernorItems,
    functionName: reason === undefined ? "castVote" : "castVoteWithReason",
    args: reason === undefined ? [proposalId, VoteSupport[support]] : [proposalId, VoteSupport[support], reason],
  });
  const [vote] = parseEventLogs({ abi: atlasGovernorItems, eventName: "VoteCast", logs: receipt.logs });
  return { hash, receipt, weight: vote?.args.weight ?? 0n };
}
