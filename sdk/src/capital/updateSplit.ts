import { isAddressEqual, parseEventLogs, type Address, type Hex } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

import type { DeferredPayment } from "./distributeSplit.ts";
import { getSplit } from "./getSplit.ts";
import { checkSplitConfig, type SplitConfig } from "./splitConfig.ts";

/** The ABI items this action uses. */
const abi = [
  RevenueSplit.updateSplit,
  RevenueSplit.SplitUpdated,
  RevenueSplit.SplitDistributed,
  RevenueSplit.PaymentDeferred,
] as const;

/** The parameters of {@link updateSplit}. */
export interface UpdateSplitParameters {
  readonly split: Address;
  /** The new configuration, checked as `createSplit` checks it. */
  readonly config: SplitConfig;
  /**
   * The tokens (the zero address for ETH) to distribute under the current configuration first,
   * in the same transaction, with the wallet account (the controller) as distributor; a token
   * with nothing to distribute is skipped. Default: none. What the split holds of a token not
   * listed is shared by the new configuration: list every token that came in under the old
   * recipients, so that the update never races a distribution.
   */
  readonly distributeFirst?: readonly Address[];
  /**
   * The split's current configuration, which the distributions of `distributeFirst` follow (a
   * split stores only its hash); default: read from its events with `getSplit` when
   * `distributeFirst` is not empty (an RPC that serves logs from the split's creation on).
   */
  readonly current?: SplitConfig;
}

/** One distribution made before the update (`SplitDistributed`, and the payments it deferred). */
export interface SplitDistribution {
  /** The token distributed; the zero address for ETH. */
  readonly token: Address;
  /** What was distributed. */
  readonly amount: bigint;
  /** The distributor's (the controller's) reward. */
  readonly distributorReward: bigint;
  /** The payments that failed and were deferred: their recipients withdraw them with `withdrawFromSplit`. */
  readonly deferred: readonly DeferredPayment[];
}

/** What {@link updateSplit} returns. */
export interface UpdateSplitReturnType extends WriteResult {
  /** The new configuration's hash. */
  readonly splitHash: Hex;
  /** The distributions made first, in order: one per token of `distributeFirst` that had something to distribute. */
  readonly distributions: readonly SplitDistribution[];
}

/** What {@link updateSplit} throws: an `AtlasError` (its documentation says which). */
export type UpdateSplitErrorType = AtlasError;

/**
 * Replaces a split's configuration, after distributing the tokens of `distributeFirst` under the
 * current one in the same transaction. Its controller only. The split's address does not change;
 * pending withdrawals stay owed.
 * @throws {AtlasInputError} for a configuration RevenueSplit would refuse, or an address
 * parameter that is not one; {AtlasError} when `current` is needed, not given, and not found in
 * the split's events; {AtlasContractError} e.g. `SplitNotController`, `SplitConfigMismatch` (a
 * `current` that is not the split's configuration), `SplitNotAToken`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function updateSplit(
  context: AtlasContext,
  { split, config, distributeFirst = [], current }: UpdateSplitParameters,
): Promise<UpdateSplitReturnType> {
  const address = checkAddress("split", split);
  const next = checkSplitConfig(config);
  const tokens = distributeFirst.map((token, i) => checkAddress(`distributeFirst[${i}]`, token));
  let currentConfig = current ?? next; // ignored by the split when nothing is distributed first
  if (tokens.length > 0 && current === undefined) {
    const found = (await getSplit(context, { split: address })).config;
    if (found === undefined) {
      throw new AtlasError(`No configuration of split ${address} was found in its events: pass \`current\`.`);
    }
    currentConfig = found;
  }
  const result = await simulateAndSend(context, RevenueSplit.revenueSplitErrors, "updateSplit", {
    address,
    abi,
    functionName: "updateSplit",
    args: [next, tokens, currentConfig],
  });
  const logs = parseEventLogs({ abi, logs: result.receipt.logs.filter((log) => isAddressEqual(log.address, address)) });
  let splitHash: Hex | undefined;
  const distributions: { token: Address; amount: bigint; distributorReward: bigint; deferred: DeferredPayment[] }[] =
    [];
  for (const log of logs) {
    if (log.eventName === "SplitUpdated") splitHash = log.args.splitHash;
    if (log.eventName === "SplitDistributed") {
      const { token, amount, distributorReward } = log.args;
      distributions.push({ token, amount, distributorReward, deferred: [] });
    }
    if (log.eventName === "PaymentDeferred") {
      distributions.at(-1)?.deferred.push({ account: log.args.account, amount: log.args.amount });
    }
  }
  if (splitHash === undefined) throw new AtlasError(`Transaction ${result.hash} emitted no SplitUpdated event.`);
  return { ...result, splitHash, distributions };
}
