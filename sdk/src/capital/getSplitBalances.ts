import type { Address } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";

/** The ABI items this action uses. */
const abi = [
  RevenueSplit.distributableBalance,
  RevenueSplit.totalPendingWithdrawals,
  RevenueSplit.pendingWithdrawal,
] as const;

/** The parameters of {@link getSplitBalances}. */
export interface GetSplitBalancesParameters {
  readonly split: Address;
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
  /** An account whose deferred payments to read too; default: none. */
  readonly account?: Address;
}

/** What a split holds of a token, read at one block. */
export interface GetSplitBalancesReturnType {
  /** What the next distribution would share: the balance beyond what the split owes. */
  readonly distributable: bigint;
  /** What the split owes in deferred payments, to everyone. */
  readonly totalPending: bigint;
  /** What it owes `account`; `undefined` when no account was given. */
  readonly pending: bigint | undefined;
}

/** What {@link getSplitBalances} throws: an `AtlasError` (its documentation says which). */
export type GetSplitBalancesErrorType = AtlasError;

/**
 * Reads what a split would distribute of a token now and what it owes in deferred payments.
 * @throws {AtlasInputError} for an address parameter that is not one; {AtlasNetworkError}.
 */
export async function getSplitBalances(
  context: AtlasContext,
  parameters: GetSplitBalancesParameters,
): Promise<GetSplitBalancesReturnType> {
  const split = checkAddress("split", parameters.split);
  const token = checkOptionalAddress("token", parameters.token);
  const account = parameters.account === undefined ? undefined : checkAddress("account", parameters.account);
  try {
    const client = context.publicClient;
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const read = { address: split, abi, blockNumber } as const;
    const [distributable, totalPending, pending] = await Promise.all([
      client.readContract({ ...read, functionName: "distributableBalance", args: [token] }),
      client.readContract({ ...read, functionName: "totalPendingWithdrawals", args: [token] }),
      account === undefined
        ? undefined
        : client.readContract({ ...read, functionName: "pendingWithdrawal", args: [account, token] }),
    ]);
    return { distributable, totalPending, pending };
  } catch (error) {
    throw decodeAtlasError(error, RevenueSplit.revenueSplitErrors);
  }
}
