import { isAddressEqual, parseEventLogs } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { proposalOperationArgs, type ProposalReference } from "./proposalCalls.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.ProposalQueued, AtlasGovernor.queue] as const;

export type QueueParameters = ProposalReference;

export interface QueueReturnType extends WriteResult {
  readonly proposalId: bigint;
  /** Timestamp from which the proposal can be executed, from the `ProposalQueued` event. */
  readonly eta: bigint;
}

export type QueueErrorType = AtlasError;

/**
 * Queues a succeeded proposal in the timelock (anyone may).
 * @throws {AtlasContractError} `GovernorUnexpectedProposalState` unless it succeeded,
 * `GovernorNonexistentProposal`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function queue(context: AtlasContext, proposal: QueueParameters): Promise<QueueReturnType> {
  const governor = context.addresses.governor;
  const { hash, receipt } = await simulateAndSend(context, atlasGovernorErrors, "queue", {
    address: governor,
    abi: atlasGovernorItems,
    functionName: "queue",
    args: proposalOperationArgs(proposal),
  });
  const [queued] = parseEventLogs({
    abi: atlasGovernorItems,
    eventName: "ProposalQueued",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
  });
  if (queued === undefined) throw new AtlasError(`Transaction ${hash} emitted no ProposalQueued event.`);
  return { hash, receipt, proposalId: queued.args.proposalId, eta: queued.args.etaSeconds };
}
