import { isAddressEqual, parseEventLogs, type Hash } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { hashDescription, type ProposalCalls } from "./proposalCalls.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.ProposalCreated, AtlasGovernor.propose] as const;

export interface ProposeParameters extends ProposalCalls {
  /** What the proposal does and why; it also identifies the proposal (with its calls). */
  readonly description: string;
}

export interface ProposeReturnType extends WriteResult {
  /** The new proposal's id, from its `ProposalCreated` event. */
  readonly proposalId: bigint;
  /** Snapshot timepoint; voting opens just after it. */
  readonly voteStart: bigint;
  /** Original voting deadline. */
  readonly voteEnd: bigint;
  /** `keccak256(bytes(description))`, for queue, execute and cancel. */
  readonly descriptionHash: Hash;
}

export type ProposeErrorType = AtlasError;

/**
 * Submits a proposal from the wallet account, whose voting power (at the previous timepoint) must
 * reach the proposal threshold.
 * @throws {AtlasContractError} e.g. `GovernorInsufficientProposerVotes`,
 * `GovernorInvalidProposalLength`, `GovernorUnexpectedProposalState` (the same proposal exists);
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function propose(
  context: AtlasContext,
  { targets, values, calldatas, description }: ProposeParameters,
): Promise<ProposeReturnType> {
  const governor = context.addresses.governor;
  const { hash, receipt } = await simulateAndSend(context, atlasGovernorErrors, "propose", {
    address: governor,
    abi: atlasGovernorItems,
    functionName: "propose",
    args: [targets, values, calldatas, description],
  });
  const [created] = parseEventLogs({
    abi: atlasGovernorItems,
    eventName: "ProposalCreated",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
  });
  if (created === undefined) throw new AtlasError(`Transaction ${hash} emitted no ProposalCreated event.`);
  return {
    hash,
    receipt,
    proposalId: created.args.proposalId,
    voteStart: created.args.voteStart,
    voteEnd: created.args.voteEnd,
    descriptionHash: hashDescription(description),
  };
}
