import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.cancel] as const;

/** The parameters of {@link cancelBounty}. */
export interface CancelBountyParameters {
  readonly bountyId: bigint;
}

/** What {@link cancelBounty} returns. */
export type CancelBountyReturnType = WriteResult;

/** What {@link cancelBounty} throws: an `AtlasError` (its documentation says which). */
export type CancelBountyErrorType = AtlasError;

/**
 * Cancels an open bounty that has awarded nothing yet, whatever was submitted; its funders then
 * reclaim their contributions (`reclaimBountyFunds`). The mission's manager only.
 * @throws {AtlasContractError} e.g. `BountyHasAwards`, `BountyNotMissionManager`,
 * `BountyNotOpen`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function cancelBounty(
  context: AtlasContext,
  { bountyId }: CancelBountyParameters,
): Promise<CancelBountyReturnType> {
  return simulateAndSend(context, BountyBoard.bountyBoardErrors, "cancelBounty", {
    address: context.addresses.bountyBoard,
    abi,
    functionName: "cancel",
    args: [bountyId],
  });
}
