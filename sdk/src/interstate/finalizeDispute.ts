import * as Arbitration from "../abi/Arbitration.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.finalize, Arbitration.DisputeFinalized] as const;

/** The parameters of {@link finalizeDispute}. */
export interface FinalizeDisputeParameters {
  readonly disputeId: bigint;
}

/** What {@link finalizeDispute} returns. */
export interface FinalizeDisputeReturnType extends WriteResult {
  /** The final share of the claimant, in millionths (0 when dismissed). */
  readonly shareToClaimant: bigint;
  /** The round whose ruling decided it; 0 when the claim was dismissed for want of a ruling in time. */
  readonly decidingRound: number;
}

/** What {@link finalizeDispute} throws: an `AtlasError` (its documentation says which). */
export type FinalizeDisputeErrorType = AtlasError;

/**
 * Enforces a dispute's final ruling on the escrow, which credits both sides their shares (each
 * withdraws with `withdrawFromEscrow`): the first ruling once the appeal window closed, the
 * second once given, the first again once the appeal lapsed, or a dismissal when round 1 got no
 * ruling in time. Anyone, from `getFinalizableAt` on; held while Arbitration is paused.
 * @throws {AtlasContractError} e.g. `ArbitrationNotFinalizable` (with the time it can be),
 * `ArbitrationDisputeClosed`, `EnforcedPause`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function finalizeDispute(
  context: AtlasContext,
  { disputeId }: FinalizeDisputeParameters,
): Promise<FinalizeDisputeReturnType> {
  const arbitration = context.addresses.arbitration;
  const result = await simulateAndSend(context, Arbitration.arbitrationErrors, "finalizeDispute", {
    address: arbitration,
    abi,
    functionName: "finalize",
    args: [disputeId],
  });
  const { shareToClaimant, decidingRound } = emitted(result, arbitration, abi, "DisputeFinalized").args;
  return { ...result, shareToClaimant, decidingRound };
}
