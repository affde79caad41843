import { zeroAddress } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import { read } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.getBounty, BountyBoard.fund, BountyBoard.BountyFunded] as const;

/** The parameters of {@link fundBounty}. */
export interface FundBountyParameters {
  readonly bountyId: bigint;
  /**
   * The deposit, in the bounty's token (wei for ETH, sent with the call). An ERC-20 deposit is
   * pulled from the wallet account: approve the board (`addresses.bountyBoard`) for it first.
   */
  readonly amount: bigint;
}

/** What {@link fundBounty} returns. */
export interface FundBountyReturnType extends WriteResult {
  /** What arrived and was credited to the wallet account's contribution (`BountyFunded`). */
  readonly credited: bigint;
  /** The wallet account's contribution to the bounty now. */
  readonly contribution: bigint;
  /** The bounty's total funded now. */
  readonly funded: bigint;
}

/** What {@link fundBounty} throws: an `AtlasError` (its documentation says which). */
export type FundBountyErrorType = AtlasError;

/**
 * Tops up an open bounty from the wallet account; anyone may. The deposit pays for no award made
 * before it. Reads the bounty's token first to send ETH bounties' deposits as the call's value.
 * @throws {AtlasContractError} e.g. `BountyUnknown`, `BountyNotOpen`, `BountyZeroAmount`, `BountyFundingTooLarge`,
 * `ERC20InsufficientAllowance`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function fundBounty(
  context: AtlasContext,
  { bountyId, amount }: FundBountyParameters,
): Promise<FundBountyReturnType> {
  const board = context.addresses.bountyBoard;
  const { token } = await read(BountyBoard.bountyBoardErrors, () =>
    context.publicClient.readContract({ address: board, abi, functionName: "getBounty", args: [bountyId] }),
  );
  const result = await simulateAndSend(context, BountyBoard.bountyBoardErrors, "fundBounty", {
    address: board,
    abi,
    functionName: "fund",
    args: [bountyId, amount],
    value: token === zeroAddress ? amount : 0n,
  });
  const { args } = emitted(result, board, abi, "BountyFunded");
  return { ...result, credited: args.amount, contribution: args.contribution, funded: args.funded };
}
