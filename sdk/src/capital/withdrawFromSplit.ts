import { isAddressEqual, type Address } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasInputError, type AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";
import { emitted, simulateAndSend, walletAddress, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [RevenueSplit.withdraw, RevenueSplit.withdrawFor, RevenueSplit.Withdrawn] as const;

/** The parameters of {@link withdrawFromSplit}. */
export interface WithdrawFromSplitParameters {
  readonly split: Address;
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
  /**
   * Whose deferred payments to pay out; default: the wallet account. Anyone may pay out another
   * account's, to that account only.
   */
  readonly account?: Address;
  /**
   * Where to send the wallet account's own deferred payments instead of to itself (a recipient
   * that refuses ETH, or that the token blocklists, takes its share elsewhere); default: the
   * account. Only for the wallet account's own balance: with another `account`, an
   * `AtlasInputError`.
   */
  readonly to?: Address;
}

/** What {@link withdrawFromSplit} returns, from its `Withdrawn` event. */
export interface WithdrawFromSplitReturnType extends WriteResult {
  /** Whose deferred payments were paid out. */
  readonly account: Address;
  /** Where they went: `account`, or `to`. */
  readonly to: Address;
  /** What was paid. */
  readonly amount: bigint;
}

/** What {@link withdrawFromSplit} throws: an `AtlasError` (its documentation says which). */
export type WithdrawFromSplitErrorType = AtlasError;

/**
 * Pays out an account's payments from a split that were deferred (pushes that failed in a
 * distribution): to the account itself (`withdrawFor`; anyone may send it), or, for the wallet
 * account's own balance, to another address `to` (`withdraw`).
 * @throws {AtlasInputError} for an address parameter that is not one, or a `to` with an
 * `account` other than the wallet's; {AtlasContractError} e.g. `SplitNothingToWithdraw`,
 * `SplitZeroWithdrawalRecipient`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function withdrawFromSplit(
  context: AtlasContext,
  parameters: WithdrawFromSplitParameters,
): Promise<WithdrawFromSplitReturnType> {
  const split = checkAddress("split", parameters.split);
  const token = checkOptionalAddress("token", parameters.token);
  const account = parameters.account === undefined ? undefined : checkAddress("account", parameters.account);
  const to = parameters.to === undefined ? undefined : checkAddress("to", parameters.to);
  const wallet = await walletAddress(context, RevenueSplit.revenueSplitErrors, "withdrawFromSplit");
  if (to !== undefined && account !== undefined && !isAddressEqual(account, wallet)) {
    throw new AtlasInputError(
      "to",
      `Only ${account} itself can send its deferred payments elsewhere; the wallet account is ${wallet}.`,
    );
  }
  const result =
    to === undefined
      ? await simulateAndSend(context, RevenueSplit.revenueSplitErrors, "withdrawFromSplit", {
          address: split,
          abi,
          functionName: "withdrawFor",
          args: [token, account ?? wallet],
        })
      : await simulateAndSend(context, RevenueSplit.revenueSplitErrors, "withdrawFromSplit", {
          address: split,
          abi,
          functionName: "withdraw",
          args: [token, to],
        });
  const { args } = emitted(result, split, abi, "Withdrawn");
  return { ...result, account: args.account, to: args.to, amount: args.amount };
}
