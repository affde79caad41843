import type { Address } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import { addressOrWallet, write } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { capitalErrors, type AtlasError } from "../errors.ts";
import { checkOptionalAddress } from "../validate.ts";
import { emitted, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.withdraw, BountyBoard.Withdrawn] as const;

/** The parameters of {@link withdrawFromBountyBoard}. */
export interface WithdrawFromBountyBoardParameters {
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
  /** Where to send it; default: the wallet account. */
  readonly to?: Address;
}

/** What {@link withdrawFromBountyBoard} returns. */
export interface WithdrawFromBountyBoardReturnType extends WriteResult {
  /** What was withdrawn. */
  readonly amount: bigint;
}

/** What {@link withdrawFromBountyBoard} throws: an `AtlasError` (its documentation says which). */
export type WithdrawFromBountyBoardErrorType = AtlasError;

/**
 * Withdraws the wallet account's deferred bounty payouts in `token` (awards whose push failed),
 * across bounties; `getBountyWithdrawable` tells the amount beforehand.
 * @throws {AtlasInputError} for a `token` or `to` that is not an address; {AtlasContractError}
 * e.g. `BountyNothingToWithdraw`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function withdrawFromBountyBoard(
  context: AtlasContext,
  { token, to }: WithdrawFromBountyBoardParameters = {},
): Promise<WithdrawFromBountyBoardReturnType> {
  const asset = checkOptionalAddress("token", token);
  const recipient = await addressOrWallet(context, capitalErrors, "withdrawFromBountyBoard", "to", to);
  const board = context.addresses.bountyBoard;
  const result = await write(context, capitalErrors, "withdrawFromBountyBoard", board, abi, "withdraw", [
    asset,
    recipient,
  ]);
  return { ...result, amount: emitted(result, board, abi, "Withdrawn").args.amount };
}
