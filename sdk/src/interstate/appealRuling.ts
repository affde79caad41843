import * as Arbitration from "../abi/Arbitration.ts";
import { write } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { interstateErrors, type AtlasError } from "../errors.ts";
import { emitted, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.appeal, Arbitration.DisputeAppealed] as const;

/** The parameters of {@link appealRuling}. */
export interface AppealRulingParameters {
  readonly disputeId: bigint;
}

/** What {@link appealRuling} returns. */
export interface AppealRulingReturnType extends WriteResult {
  /** When the appeal lapses (unix seconds) if no new arbiter rules by then: the first ruling then stands. */
  readonly lapsesAt: bigint;
}

/** What {@link appealRuling} throws: an `AtlasError` (its documentation says which). */
export type AppealRulingErrorType = AtlasError;

/**
 * Appeals a dispute's first ruling: a new arbiter, drawn with `proposeArbiter`, rules again, and
 * that ruling is final. Either party, once, within the appeal window.
 * @throws {AtlasContractError} e.g. `ArbitrationNotRuled`, `ArbitrationAlreadyAppealed`,
 * `ArbitrationAppealWindowClosed`, `ArbitrationNotParty`, `ArbitrationNoArbiterPool` (a party
 * without a sovereign: no arbiter could be drawn); {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function appealRuling(
  context: AtlasContext,
  { disputeId }: AppealRulingParameters,
): Promise<AppealRulingReturnType> {
  const arbitration = context.addresses.arbitration;
  const result = await write(context, interstateErrors, "appealRuling", arbitration, abi, "appeal", [disputeId]);
  return { ...result, lapsesAt: emitted(result, arbitration, abi, "DisputeAppealed").args.lapsesAt };
}
