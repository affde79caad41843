import { isAddressEqual, parseEventLogs } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { mergeCatalogs } from "../errorCatalog.ts";
import { AtlasError, type AtlasErrorCatalog } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { proposalOperationArgs, type ProposalReference } from "./proposalCalls.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.ProposalExecuted, AtlasGovernor.execute] as const;

export type ExecuteParameters = ProposalReference & {
  /**
   * The error catalogs of the contracts the proposal calls (e.g. `bountyBoardErrors`, or
   * `atlasErrors` for every contract's), to decode a failing call's error by name with its
   * sentence; default: the governor's and the timelock's only, so that the governance bundle
   * carries no other contract's sentences (another contract's error is then an
   * `AtlasRevertError`).
   */
  readonly errors?: readonly AtlasErrorCatalog[];
};

export interface ExecuteReturnType extends WriteResult {
  /** From the `ProposalExecuted` event. */
  readonly proposalId: bigint;
}

export type ExecuteErrorType = AtlasError;

/**
 * Executes a queued proposal whose timelock delay has passed (anyone may). Its calls run from the
 * timelock, with the timelock's funds.
 * @throws {AtlasContractError} `TimelockUnexpectedOperationState` before the eta,
 * `GovernorUnexpectedProposalState` unless queued, or the error of a failing call (decoded by
 * name and arguments, with its sentence, when `errors` has its contract's catalog);
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function execute(
  context: AtlasContext,
  { errors = [], ...proposal }: ExecuteParameters,
): Promise<ExecuteReturnType> {
  const governor = context.addresses.governor;
  const catalog = errors.length === 0 ? atlasGovernorErrors : mergeCatalogs(atlasGovernorErrors, ...errors);
  const { hash, receipt } = await simulateAndSend(context, catalog, "execute", {
    address: governor,
    abi: atlasGovernorItems,
    functionName: "execute",
    args: proposalOperationArgs(proposal),
  });
  const [executed] = parseEventLogs({
    abi: atlasGovernorItems,
    eventName: "ProposalExecuted",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
  });
  if (executed === undefined) throw new AtlasError(`Transaction ${hash} emitted no ProposalExecuted event.`);
  return { hash, receipt, proposalId: executed.args.proposalId };
}
