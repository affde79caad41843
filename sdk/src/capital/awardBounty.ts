import { isAddressEqual, parseEventLogs, type Address } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [
  BountyBoard.award,
  BountyBoard.BountyAwarded,
  BountyBoard.PaymentDeferred,
  BountyBoard.BountyContributionNotRecorded,
] as const;

/** One winner of an award and what it gets. */
export interface BountyAward {
  /** An account that submitted work to the bounty and was not awarded yet. */
  readonly winner: Address;
  /** Its award, non-zero, in the bounty's token. */
  readonly amount: bigint;
}

/** The parameters of {@link awardBounty}. */
export interface AwardBountyParameters {
  readonly bountyId: bigint;
  /** 1 to 32 winners, adding up to at most what is left in the bounty. */
  readonly awards: readonly BountyAward[];
}

/** What {@link awardBounty} returns. */
export interface AwardBountyReturnType extends WriteResult {
  /** What is left to award afterwards. */
  readonly remaining: bigint;
  /** The winners whose payout could not be pushed: they withdraw it with `withdrawFromBountyBoard`. */
  readonly deferred: readonly Address[];
  /** The winners whose award the ledger refused to record (paused, say): paid all the same. */
  readonly unrecorded: readonly Address[];
}

/** What {@link awardBounty} throws: an `AtlasError` (its documentation says which). */
export type AwardBountyErrorType = AtlasError;

/**
 * Awards winners of an open bounty and pays them at once, recording each award in the
 * contribution ledger (a refusal of the ledger does not stop the payout). The mission's manager
 * only; may be called again while the bounty is open. A winner's credential, when the bounty asks
 * for one, is checked again now. The award is charged to the funders in now, pro rata.
 * @throws {AtlasInputError} for a winner that is not an address; {AtlasContractError} e.g.
 * `BountyNotMissionManager`, `BountyNoSubmission`, `BountyAlreadyAwarded`, `BountyCredentialInvalid`,
 * `BountyAwardExceedsRemaining`, `BountyNotOpen`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function awardBounty(
  context: AtlasContext,
  { bountyId, awards }: AwardBountyParameters,
): Promise<AwardBountyReturnType> {
  const winners = awards.map(({ winner }, i) => checkAddress(`awards[${i}].winner`, winner));
  const board = context.addresses.bountyBoard;
  const result = await simulateAndSend(context, BountyBoard.bountyBoardErrors, "awardBounty", {
    address: board,
    abi,
    functionName: "award",
    args: [bountyId, winners, awards.map(({ amount }) => amount)],
  });
  const logs = parseEventLogs({
    abi,
    logs: result.receipt.logs.filter((log) => isAddressEqual(log.address, board)),
  });
  let remaining = 0n;
  const deferred: Address[] = [];
  const unrecorded: Address[] = [];
  for (const log of logs) {
    if (log.eventName === "BountyAwarded") remaining = log.args.remaining;
    if (log.eventName === "PaymentDeferred") deferred.push(log.args.account);
    if (log.eventName === "BountyContributionNotRecorded") unrecorded.push(log.args.winner);
  }
  return { ...result, remaining, deferred, unrecorded };
}
