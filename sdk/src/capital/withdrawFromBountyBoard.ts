import type { Address } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import { addressOrWallet } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkOptionalAddress } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

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
  const recipient = await addressOrWallet(context, BountyBoard.bountyBoardErrors, "withdrawFromBountyBoard", "to", to);
  const board = context.addresses.bountyBoard;
  const result = await simulateAndSend(context, BountyBoard.bountyBoardErrors, "withdrawFromBountyBoard", {
    address: board,
    abi,
    functionName: "withdraw",
    args: [asset, recipient],
  });
  return { ...result, amount: emitted(result, board, abi, "Withdrawn").args.amount };
}
