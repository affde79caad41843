import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.claim, MilestoneEscrow.StreamClaimed] as const;

/** The parameters of {@link claimStream}. */
export interface ClaimStreamParameters {
  readonly escrowId: bigint;
  /** The streaming milestone's index (from 0). */
  readonly index: bigint;
}

/** What {@link claimStream} returns. */
export interface ClaimStreamReturnType extends WriteResult {
  /** What the contributor received, after the protocol fee. */
  readonly amount: bigint;
  /** The protocol fee of this claim. */
  readonly fee: bigint;
  /** What is paid out of the stream now, in all (gross of fees). */
  readonly claimedTotal: bigint;
}

/** What {@link claimStream} throws: an `AtlasError` (its documentation says which). */
export type ClaimStreamErrorType = AtlasError;

/**
 * Pays the contributor what a funded streaming milestone has vested and it has not claimed yet
 * (`getClaimable` tells how much). The contributor only; any time after the stream's start. A
 * stream vests on the escrow's clock, which stands still while the escrow is paused.
 * @throws {AtlasContractError} e.g. `EscrowNothingToClaim`, `EscrowStreamNotStarted`,
 * `EscrowOnlyContributor`, `EscrowWrongKind`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function claimStream(
  context: AtlasContext,
  { escrowId, index }: ClaimStreamParameters,
): Promise<ClaimStreamReturnType> {
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "claimStream", {
    address: escrow,
    abi,
    functionName: "claim",
    args: [escrowId, index],
  });
  const { amount, fee, claimedTotal } = emitted(result, escrow, abi, "StreamClaimed").args;
  return { ...result, amount, fee, claimedTotal };
}
