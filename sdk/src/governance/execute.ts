import { isAddressEqual, parseEventLogs } from "viem";

import { atlasGovernorAbi } from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError, atlasErrorsAbi, governanceErrorMessages, type AtlasErrorCatalog } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { proposalOperationArgs, type ProposalReference } from "./proposalCalls.ts";

export type ExecuteParameters = ProposalReference;

export interface ExecuteReturnType extends WriteResult {
  /** From the `ProposalExecuted` event. */
  readonly proposalId: bigint;
}

export type ExecuteErrorType = AtlasError;

/**
 * A proposal's calls may reach any Atlas OS module, so execute decodes every layer's errors by
 * name and arguments; its sentences are the governance layer's only, so that the governance
 * bundle does not carry every layer's sentences (the other errors' messages name the error;
 * `contractErrorMessages[error.errorName]` renders them).
 */
const executeErrors: AtlasErrorCatalog = { abi: atlasErrorsAbi, messages: governanceErrorMessages };

/**
 * Executes a queued proposal whose timelock delay has passed (anyone may). Its calls run from the
 * timelock, with the timelock's funds.
 * @throws {AtlasContractError} `TimelockUnexpectedOperationState` before the eta,
 * `GovernorUnexpectedProposalState` unless queued, or the error of a failing call (decoded by
 * name and arguments from every layer's errors; with a sentence for the governance layer's);
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function execute(context: AtlasContext, proposal: ExecuteParameters): Promise<ExecuteReturnType> {
  const governor = context.addresses.governor;
  const { hash, receipt } = await simulateAndSend(context, executeErrors, "execute", {
    address: governor,
    abi: atlasGovernorAbi,
    functionName: "execute",
    args: proposalOperationArgs(proposal),
  });
  const [executed] = parseEventLogs({
    abi: atlasGovernorAbi,
    eventName: "ProposalExecuted",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
  });
  if (executed === undefined) throw new AtlasError(`Transaction ${hash} emitted no ProposalExecuted event.`);
  return { hash, receipt, proposalId: executed.args.proposalId };
}
