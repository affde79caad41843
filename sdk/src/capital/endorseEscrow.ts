import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.endorseEscrow] as const;

/** The parameters of {@link endorseEscrow}. */
export interface EndorseEscrowParameters {
  readonly escrowId: bigint;
}

/** What {@link endorseEscrow} returns. */
export type EndorseEscrowReturnType = WriteResult;

/** What {@link endorseEscrow} throws: an `AtlasError` (its documentation says which). */
export type EndorseEscrowErrorType = AtlasError;

/**
 * Endorses an escrow as its mission's own deal. A manager of the mission only (its owner, or an
 * admin of its sovereign or organization). Reputation cannot be bought: an escrow's payouts earn
 * reputation points only when the deal is the mission's own (created by a manager for a funder,
 * endorsed, or funded by a manager) and its contributor is a member of the sovereign the deal
 * names for it (`contributorSovereign`); other deals pay the same and record no points.
 * @throws {AtlasContractError} e.g. `EscrowNotMissionManager`, `EscrowAlreadyEndorsed`,
 * `EscrowUnknownEscrow`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function endorseEscrow(
  context: AtlasContext,
  { escrowId }: EndorseEscrowParameters,
): Promise<EndorseEscrowReturnType> {
  return simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "endorseEscrow", {
    address: context.addresses.escrow,
    abi,
    functionName: "endorseEscrow",
    args: [escrowId],
  });
}
