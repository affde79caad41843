import * as Arbitration from "../abi/Arbitration.ts";
import { read } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.finalizableAt] as const;

/** The parameters of {@link getFinalizableAt}. */
export interface GetFinalizableAtParameters {
  readonly disputeId: bigint;
}

/** What {@link getFinalizableAt} returns. */
export interface GetFinalizableAtReturnType {
  /**
   * The earliest time (unix seconds, the chain's clock) `finalizeDispute` succeeds if nothing
   * else happens in the dispute. An appeal may move it, never past `openedAt + 4 × rulingPeriod +
   * appealWindow + 1`: every dispute ends within a bounded time from its opening.
   */
  readonly finalizableAt: bigint;
}

/** What {@link getFinalizableAt} throws: an `AtlasError` (its documentation says which). */
export type GetFinalizableAtErrorType = AtlasError;

/**
 * Reads when a live dispute can be finalized, as things stand: its first ruling once the appeal
 * window passed, its second ruling at once, the first again once the appeal lapsed, or a
 * dismissal once round 1 ended unruled.
 * @throws {AtlasContractError} `ArbitrationUnknownDispute`, `ArbitrationDisputeClosed` (finalized
 * already); {AtlasNetworkError}.
 */
export async function getFinalizableAt(
  context: AtlasContext,
  { disputeId }: GetFinalizableAtParameters,
): Promise<GetFinalizableAtReturnType> {
  const finalizableAt = await read(Arbitration.arbitrationErrors, () =>
    context.publicClient.readContract({
      address: context.addresses.arbitration,
      abi,
      functionName: "finalizableAt",
      args: [disputeId],
    }),
  );
  return { finalizableAt };
}
