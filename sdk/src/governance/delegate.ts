import { isAddressEqual, parseEventLogs, type Address } from "viem";

import { atlasTokenErrors } from "../abi/AtlasToken.ts";
import * as AtlasToken from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `AtlasToken`'s ABI this action uses. */
const atlasTokenItems = [AtlasToken.DelegateChanged, AtlasToken.delegate] as const;

export interface DelegateParameters {
  /** The account to vote through: the wallet's own address to vote directly. */
  readonly delegatee: Address;
}

export interface DelegateReturnType extends WriteResult {
  /** From the `DelegateChanged` event. */
  readonly delegator: Address;
  readonly fromDelegate: Address;
  readonly toDelegate: Address;
}

export type DelegateErrorType = AtlasError;

/**
 * Delegates the wallet account's voting power (its whole token balance, now and later). Votes on
 * proposals whose snapshot is already past do not change.
 * @throws {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function delegate(context: AtlasContext, { delegatee }: DelegateParameters): Promise<DelegateReturnType> {
  const token = context.addresses.token;
  const { hash, receipt } = await simulateAndSend(context, atlasTokenErrors, "delegate", {
    address: token,
    abi: atlasTokenItems,
    functionName: "delegate",
    args: [delegatee],
  });
  const [changed] = parseEventLogs({
    abi: atlasTokenItems,
    eventName: "DelegateChanged",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, token)),
  });
  if (changed === undefined) throw new AtlasError(`Transaction ${hash} emitted no DelegateChanged event.`);
  return { hash, receipt, ...changed.args };
}
