import type { Address } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import { addressOrWallet, write } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { capitalErrors, type AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";
import { emitted, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [RevenueSplit.withdraw, RevenueSplit.Withdrawn] as const;

/** The parameters of {@link withdrawFromSplit}. */
export interface WithdrawFromSplitParameters {
  readonly split: Address;
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
  /** Whose deferred payments to pay out (to it, whoever sends this); default: the wallet account. */
  readonly account?: Address;
}

/** What {@link withdrawFromSplit} returns. */
export interface WithdrawFromSplitReturnType extends WriteResult {
  /** What was paid to `account`. */
  readonly amount: bigint;
}

/** What {@link withdrawFromSplit} throws: an `AtlasError` (its documentation says which). */
export type WithdrawFromSplitErrorType = AtlasError;

/**
 * Pays an account its payments from a split that were deferred (pushes that failed in a
 * distribution); anyone may send it, the funds go to the account only.
 * @throws {AtlasInputError} for an address parameter that is not one; {AtlasContractError} e.g.
 * `SplitNothingToWithdraw`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function withdrawFromSplit(
  context: AtlasContext,
  parameters: WithdrawFromSplitParameters,
): Promise<WithdrawFromSplitReturnType> {
  const split = checkAddress("split", parameters.split);
  const token = checkOptionalAddress("token", parameters.token);
  const account = await addressOrWallet(context, capitalErrors, "withdrawFromSplit", "account", parameters.account);
  const result = await write(context, capitalErrors, "withdrawFromSplit", split, abi, "withdraw", [token, account]);
  return { ...result, amount: emitted(result, split, abi, "Withdrawn").args.amount };
}
