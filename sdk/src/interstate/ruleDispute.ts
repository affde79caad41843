import * as Arbitration from "../abi/Arbitration.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkInteger } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.rule, Arbitration.DisputeRuled] as const;

/** A ruling's scale: shares are millionths of the disputed amount (Arbitration's `SHARE_SCALE`). */
export const SHARE_SCALE = 1_000_000;

/** The parameters of {@link ruleDispute}. */
export interface RuleDisputeParameters {
  readonly disputeId: bigint;
  /**
   * The claimant's share of the disputed amount, in millionths (0 to {@link SHARE_SCALE}): the
   * rest goes to the respondent. `700_000` is 70/30.
   */
  readonly shareToClaimant: number;
}

/** What {@link ruleDispute} returns. */
export interface RuleDisputeReturnType extends WriteResult {
  /** The round ruled. */
  readonly round: number;
  /** Until when a party may appeal (unix seconds); `undefined` when the ruling is final (round 2). */
  readonly appealDeadline: bigint | undefined;
}

/** What {@link ruleDispute} throws: an `AtlasError` (its documentation says which). */
export type RuleDisputeErrorType = AtlasError;

/**
 * Rules the current round of a dispute. Its arbiter only, once per round, while it is eligible
 * and the round is live (round 1: until twice the ruling period after the opening; round 2: until
 * the appeal lapses).
 * @throws {AtlasInputError} for a share that is not an integer from 0 to 1,000,000;
 * {AtlasContractError} e.g. `ArbitrationNotArbiter`, `ArbitrationAlreadyRuled`,
 * `ArbitrationArbiterIneligible`, `ArbitrationRulingPeriodOver`, `ArbitrationAppealLapsed`,
 * `ArbitrationDisputeClosed`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function ruleDispute(
  context: AtlasContext,
  { disputeId, shareToClaimant }: RuleDisputeParameters,
): Promise<RuleDisputeReturnType> {
  const share = checkInteger("shareToClaimant", shareToClaimant, 0n, BigInt(SHARE_SCALE));
  const arbitration = context.addresses.arbitration;
  const result = await simulateAndSend(context, Arbitration.arbitrationErrors, "ruleDispute", {
    address: arbitration,
    abi,
    functionName: "rule",
    args: [disputeId, share],
  });
  const { round, appealDeadline } = emitted(result, arbitration, abi, "DisputeRuled").args;
  return { ...result, round, appealDeadline: appealDeadline === 0n ? undefined : appealDeadline };
}
