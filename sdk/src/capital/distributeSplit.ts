import { isAddressEqual, parseEventLogs, type Address } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

import { getSplit } from "./getSplit.ts";
import type { SplitConfig } from "./splitConfig.ts";

/** The ABI items this action uses. */
const abi = [RevenueSplit.distribute, RevenueSplit.SplitDistributed, RevenueSplit.PaymentDeferred] as const;

/** The parameters of {@link distributeSplit}. */
export interface DistributeSplitParameters {
  readonly split: Address;
  /** The token to distribute; omit (or the zero address) for ETH. */
  readonly token?: Address;
  /**
   * The split's current configuration (a split stores only its hash); default: read from its
   * events with `getSplit`, which needs an RPC that serves logs from the split's creation on.
   */
  readonly config?: SplitConfig;
  /** Who receives the distributor's reward; default: the wallet account. */
  readonly distributor?: Address;
}

/** A payment a distribution could not push: the recipient withdraws it with `withdrawFromSplit`. */
export interface DeferredPayment {
  readonly account: Address;
  readonly amount: bigint;
}

/** What {@link distributeSplit} returns. */
export interface DistributeSplitReturnType extends WriteResult {
  /** What was distributed: the split's balance of the token beyond what it owes. */
  readonly amount: bigint;
  /** The distributor's reward, taken first. */
  readonly distributorReward: bigint;
  /** The payments that failed and were deferred. */
  readonly deferred: readonly DeferredPayment[];
}

/** What {@link distributeSplit} throws: an `AtlasError` (its documentation says which). */
export type DistributeSplitErrorType = AtlasError;

/**
 * Distributes what a split holds of `token` beyond what it owes: each recipient's share, pushed,
 * and the distributor's reward; the rounding dust stays for the next distribution. Anyone may.
 * @throws {AtlasInputError} for an address parameter that is not one; {AtlasError} when no
 * `config` is given and none is found in the split's events; {AtlasContractError} e.g.
 * `SplitNothingToDistribute`, `SplitConfigMismatch` (not the current configuration),
 * `SplitNotAToken`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function distributeSplit(
  context: AtlasContext,
  parameters: DistributeSplitParameters,
): Promise<DistributeSplitReturnType> {
  const split = checkAddress("split", parameters.split);
  const token = checkOptionalAddress("token", parameters.token);
  const distributor = checkOptionalAddress("distributor", parameters.distributor);
  const config = parameters.config ?? (await getSplit(context, { split })).config;
  if (config === undefined) {
    throw new AtlasError(`No configuration of split ${split} was found in its events: pass \`config\`.`);
  }
  const result = await simulateAndSend(context, RevenueSplit.revenueSplitErrors, "distributeSplit", {
    address: split,
    abi,
    functionName: "distribute",
    args: [token, config, distributor],
  });
  const logs = parseEventLogs({
    abi,
    logs: result.receipt.logs.filter((log) => isAddressEqual(log.address, split)),
  });
  let amount = 0n;
  let distributorReward = 0n;
  const deferred: DeferredPayment[] = [];
  for (const log of logs) {
    if (log.eventName === "SplitDistributed") ({ amount, distributorReward } = log.args);
    if (log.eventName === "PaymentDeferred") deferred.push({ account: log.args.account, amount: log.args.amount });
  }
  return { ...result, amount, distributorReward, deferred };
}
