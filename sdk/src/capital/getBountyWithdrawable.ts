import type { Address } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.pendingWithdrawal] as const;

/** The parameters of {@link getBountyWithdrawable}. */
export interface GetBountyWithdrawableParameters {
  readonly account: Address;
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
}

/** The deferred payouts `account` may withdraw in the token. */
export type GetBountyWithdrawableReturnType = bigint;

/** What {@link getBountyWithdrawable} throws: an `AtlasError` (its documentation says which). */
export type GetBountyWithdrawableErrorType = AtlasError;

/**
 * Reads the deferred bounty payouts (awards whose push failed) an account may withdraw with
 * `withdrawFromBountyBoard`.
 * @throws {AtlasInputError} for an `account` or `token` that is not an address; {AtlasNetworkError}.
 */
export async function getBountyWithdrawable(
  context: AtlasContext,
  { account, token }: GetBountyWithdrawableParameters,
): Promise<GetBountyWithdrawableReturnType> {
  const args = [checkAddress("account", account), checkOptionalAddress("token", token)] as const;
  try {
    return await context.publicClient.readContract({
      address: context.addresses.bountyBoard,
      abi,
      functionName: "pendingWithdrawal",
      args,
    });
  } catch (error) {
    throw decodeAtlasError(error, BountyBoard.bountyBoardErrors);
  }
}
