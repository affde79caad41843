import type { Address } from "viem";

import * as Arbitration from "../abi/Arbitration.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.appeal, Arbitration.DisputeAppealed] as const;

/** The parameters of {@link appealRuling}. */
export interface AppealRulingParameters {
  readonly disputeId: bigint;
}

/** What {@link appealRuling} returns, from its `DisputeAppealed` event. */
export interface AppealRulingReturnType extends WriteResult {
  /**
   * Who moves round 2 now: the appellant the first ruling disfavours (the wallet account, or the
   * other party if it appealed too and lost round 1), or the first appellant after an even ruling.
   */
  readonly mover: Address;
  /** When the appeal lapses (unix seconds) if no new arbiter rules by then: the first ruling then stands. */
  readonly lapsesAt: bigint;
}

/** What {@link appealRuling} throws: an `AtlasError` (its documentation says which). */
export type AppealRulingErrorType = AtlasError;

/**
 * Appeals a dispute's first ruling: a new arbiter, drawn with `proposeArbiter`, rules again, and
 * that ruling is final. The appeal belongs to the party the ruling disfavoured: a party the first
 * ruling gave the whole amount cannot appeal, and a favoured party's appeal never takes away the
 * other's. Each other party may appeal once: the first appeal within the appeal window, the other
 * party's while the appeal is live (one round 2 hears both; the loser of round 1 then moves it).
 * @throws {AtlasContractError} e.g. `ArbitrationNotRuled`, `ArbitrationNothingToAppeal`,
 * `ArbitrationAlreadyAppealed`, `ArbitrationAppealWindowClosed`, `ArbitrationAppealLapsed`,
 * `ArbitrationNotParty`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function appealRuling(
  context: AtlasContext,
  { disputeId }: AppealRulingParameters,
): Promise<AppealRulingReturnType> {
  const arbitration = context.addresses.arbitration;
  const result = await simulateAndSend(context, Arbitration.arbitrationErrors, "appealRuling", {
    address: arbitration,
    abi,
    functionName: "appeal",
    args: [disputeId],
  });
  const { mover, lapsesAt } = emitted(result, arbitration, abi, "DisputeAppealed").args;
  return { ...result, mover, lapsesAt };
}
