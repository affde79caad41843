import type { Address } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import { addressOrWallet } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.reclaim, BountyBoard.FundsReclaimed] as const;

/** The parameters of {@link reclaimBountyFunds}. */
export interface ReclaimBountyFundsParameters {
  readonly bountyId: bigint;
  /** Where to send the refund; default: the wallet account. */
  readonly to?: Address;
}

/** What {@link reclaimBountyFunds} returns. */
export interface ReclaimBountyFundsReturnType extends WriteResult {
  /** The refund (`FundsReclaimed`): possibly 0 when the share rounds down. */
  readonly amount: bigint;
}

/** What {@link reclaimBountyFunds} throws: an `AtlasError` (its documentation says which). */
export type ReclaimBountyFundsErrorType = AtlasError;

/**
 * Refunds the wallet account's share of an expired or cancelled bounty: what its deposits are
 * still worth after the awards made while they were in (each award is charged to the funders
 * present at award time, pro rata; the last funder also gets the rounding dust). Once per funder;
 * `getBountyContribution` tells the amount beforehand.
 * @throws {AtlasInputError} for a `to` that is not an address; {AtlasContractError} e.g.
 * `BountyReclaimBeforeDeadline`, `BountyNoContribution`, `BountyAlreadyReclaimed`,
 * `BountyFullyAwarded`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function reclaimBountyFunds(
  context: AtlasContext,
  { bountyId, to }: ReclaimBountyFundsParameters,
): Promise<ReclaimBountyFundsReturnType> {
  const recipient = await addressOrWallet(context, BountyBoard.bountyBoardErrors, "reclaimBountyFunds", "to", to);
  const board = context.addresses.bountyBoard;
  const result = await simulateAndSend(context, BountyBoard.bountyBoardErrors, "reclaimBountyFunds", {
    address: board,
    abi,
    functionName: "reclaim",
    args: [bountyId, recipient],
  });
  return { ...result, amount: emitted(result, board, abi, "FundsReclaimed").args.amount };
}
