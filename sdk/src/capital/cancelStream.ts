import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.cancelStream, MilestoneEscrow.StreamCancelled] as const;

/** The parameters of {@link cancelStream}. */
export interface CancelStreamParameters {
  readonly escrowId: bigint;
  /** The streaming milestone's index (from 0). */
  readonly index: bigint;
}

/** What {@link cancelStream} returns, from its `StreamCancelled` event. */
export interface CancelStreamReturnType extends WriteResult {
  /** What the contributor received now, after the protocol fee (what had vested and was not yet claimed). */
  readonly amount: bigint;
  /** The protocol fee taken from it. */
  readonly fee: bigint;
  /** What of the stream had vested, in all (gross of fees, claims before included): the contributor's. */
  readonly vested: bigint;
  /** The unvested rest. */
  readonly rest: bigint;
  /**
   * Until when (on the escrow's clock) the contributor may dispute `rest` (`disputeMilestone`);
   * the funder reclaims it afterwards (`reclaimMilestone`). `undefined` when there is nothing to
   * dispute: ended by the contributor (the rest went back to the funder at once), or fully vested.
   */
  readonly disputableUntil: bigint | undefined;
}

/** What {@link cancelStream} throws: an `AtlasError` (its documentation says which). */
export type CancelStreamErrorType = AtlasError;

/**
 * Ends a funded streaming milestone early: what has vested is paid to the contributor at once
 * (net of the protocol fee) and the stream is recorded in the ledger with it. Ended by the
 * contributor, the unvested rest goes back to the funder at once; cancelled by the funder, the
 * contributor may dispute the rest within the escrow's review window (`disputableUntil`), after
 * which the funder reclaims it. Funder or contributor.
 * @throws {AtlasContractError} e.g. `EscrowOnlyParty`, `EscrowWrongKind` (a lump milestone),
 * `EscrowMilestoneNotFunded`, `EscrowMilestoneAlreadyReleased`, `EscrowMilestoneClosed`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function cancelStream(
  context: AtlasContext,
  { escrowId, index }: CancelStreamParameters,
): Promise<CancelStreamReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "cancelStream", {
    address: escrow,
    abi,
    functionName: "cancelStream",
    args: [escrowId, index],
  });
  const { amount, fee, vested, rest, disputableUntil } = emitted(result, escrow, abi, "StreamCancelled").args;
  return {
    ...result,
    amount,
    fee,
    vested,
    rest,
    disputableUntil: disputableUntil === 0n ? undefined : disputableUntil,
  };
}
