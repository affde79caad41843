import { isAddressEqual, parseEventLogs } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { proposalOperationArgs, type ProposalReference } from "./proposalCalls.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.ProposalCanceled, AtlasGovernor.cancel] as const;

export type CancelParameters = ProposalReference;

export interface CancelReturnType extends WriteResult {
  /** From the `ProposalCanceled` event. */
  readonly proposalId: bigint;
}

export type CancelErrorType = AtlasError;

/**
 * Cancels a proposal: the proposal guardian may at any stage before execution, the proposer only
 * while it is Pending. The proposal guardian cannot cancel a proposal that only unpauses modules
 * or replaces guardians (every call `unpause()`, `setGuardian(address)` or
 * `setProposalGuardian(address)`, sending no value): no single key can keep a module paused.
 * @throws {AtlasContractError} `GovernorUnableToCancel` for anyone else,
 * `AtlasGovernorProposalGuardianProof` for such a proposal,
 * `GovernorUnexpectedProposalState` once executed or canceled; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function cancel(context: AtlasContext, proposal: CancelParameters): Promise<CancelReturnType> {
  const governor = context.addresses.governor;
  const { hash, receipt } = await simulateAndSend(context, atlasGovernorErrors, "cancel", {
    address: governor,
    abi: atlasGovernorItems,
    functionName: "cancel",
    args: proposalOperationArgs(proposal),
  });
  const [canceled] = parseEventLogs({
    abi: atlasGovernorItems,
    eventName: "ProposalCanceled",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
  });
  if (canceled === undefined) throw new AtlasError(`Transaction ${hash} emitted no ProposalCanceled event.`);
  return { hash, receipt, proposalId: canceled.args.proposalId };
}
