import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.acceptEscrow] as const;

/** The parameters of {@link acceptEscrow}. */
export interface AcceptEscrowParameters {
  readonly escrowId: bigint;
}

/** What {@link acceptEscrow} returns. */
export type AcceptEscrowReturnType = WriteResult;

/** What {@link acceptEscrow} throws: an `AtlasError` (its documentation says which). */
export type AcceptEscrowErrorType = AtlasError;

/**
 * Accepts an escrow's terms as its contributor: the contributor submits no milestone before
 * (`EscrowTermsNotAccepted`). An escrow the contributor created itself is accepted already
 * (`getEscrow` tells: `accepted`).
 * @throws {AtlasContractError} e.g. `EscrowOnlyContributor`, `EscrowAlreadyAccepted`,
 * `EscrowUnknownEscrow`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function acceptEscrow(
  context: AtlasContext,
  { escrowId }: AcceptEscrowParameters,
): Promise<AcceptEscrowReturnType> {
  return simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "acceptEscrow", {
    address: context.addresses.escrow,
    abi,
    functionName: "acceptEscrow",
    args: [escrowId],
  });
}
