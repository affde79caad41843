import type { Address } from "viem";

import * as Arbitration from "../abi/Arbitration.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.proposeArbiter, Arbitration.ArbiterAssigned] as const;

/** The parameters of {@link proposeArbiter}. */
export interface ProposeArbiterParameters {
  readonly disputeId: bigint;
  /** The proposed arbiter: not a party, not the round's (or round 1's) arbiter. */
  readonly arbiter: Address;
  /**
   * Its sovereign: active, neither party's nor administered by a party, mutually recognized by
   * both parties' sovereigns, and where the arbiter holds the `arbiter` role. Omit it (or 0n) to
   * draw one of governance's fallback arbiters, drawable in every dispute whatever the parties'
   * sovereigns recognize (`isFallbackArbiter` tells who is one).
   */
  readonly sovereignId?: bigint;
}

/** What {@link proposeArbiter} returns. */
export interface ProposeArbiterReturnType extends WriteResult {
  /** The round the arbiter now serves (1, or 2 after an appeal). */
  readonly round: number;
}

/** What {@link proposeArbiter} throws: an `AtlasError` (its documentation says which). */
export type ProposeArbiterErrorType = AtlasError;

/**
 * Draws the arbiter of a dispute's current round, while the round is live (round 1: until twice
 * the ruling period after the opening; round 2: until the appeal lapses) and unruled. Anyone,
 * while the round has no arbiter, or its arbiter let its ruling period pass or is no longer
 * eligible; and the round's mover (`getDispute`'s `mover`) at any time before the ruling, in
 * place of an arbiter someone else drew. The new arbiter gets a ruling period, within the
 * round's limit.
 * @throws {AtlasInputError} for an `arbiter` that is not an address; {AtlasContractError} e.g.
 * `ArbitrationArbiterAlreadyAssigned`, `ArbitrationSovereignNotRecognized`,
 * `ArbitrationArbiterSovereignIsParty`, `ArbitrationNotSovereignArbiter`,
 * `ArbitrationNotFallbackArbiter`, `ArbitrationRulingPeriodOver`, `ArbitrationAppealLapsed`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function proposeArbiter(
  context: AtlasContext,
  { disputeId, arbiter, sovereignId = 0n }: ProposeArbiterParameters,
): Promise<ProposeArbiterReturnType> {
  const arbitration = context.addresses.arbitration;
  const result = await simulateAndSend(context, Arbitration.arbitrationErrors, "proposeArbiter", {
    address: arbitration,
    abi,
    functionName: "proposeArbiter",
    args: [disputeId, checkAddress("arbiter", arbiter), sovereignId],
  });
  return { ...result, round: emitted(result, arbitration, abi, "ArbiterAssigned").args.round };
}
