import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

import { MILESTONE_KINDS, MILESTONE_STATES, type MilestoneKind, type MilestoneState } from "./enums.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.getMilestone] as const;

/** The parameters of {@link getMilestone}. */
export interface GetMilestoneParameters {
  readonly escrowId: bigint;
  /** The milestone's index (from 0). */
  readonly index: bigint;
}

/**
 * A milestone's terms and progress. Times are on the escrow's clock: unix seconds that stand still
 * while the escrow is paused (a pause extends deadlines, review windows and streams by its length).
 */
export type GetMilestoneReturnType = {
  readonly escrowId: bigint;
  readonly index: bigint;
  readonly state: MilestoneState;
  readonly amount: bigint;
  /** What the contributor was paid from it so far, gross of fees. */
  readonly released: bigint;
} & (
  | {
      readonly kind: "lump";
      /** The last moment to submit it. */
      readonly deadline: bigint;
      /** When it was submitted; `undefined` when it was not. */
      readonly submittedAt: bigint | undefined;
      /** Its Arbitration dispute; `undefined` when none was opened. */
      readonly dispute: { readonly disputeId: bigint; readonly byFunder: boolean } | undefined;
    }
  | {
      readonly kind: "streaming";
      /** When it starts vesting. */
      readonly start: bigint;
      /** When it is fully vested. */
      readonly end: bigint;
      /**
       * When its funder cancelled it (`cancelStream`), which starts the contributor's review window
       * to dispute the unvested rest; `undefined` when it was not cancelled by the funder.
       */
      readonly cancelledAt: bigint | undefined;
      /** The Arbitration dispute over its unvested rest; `undefined` when none was opened. */
      readonly dispute: { readonly disputeId: bigint; readonly byFunder: boolean } | undefined;
    }
);

/** What {@link getMilestone} throws: an `AtlasError` (its documentation says which). */
export type GetMilestoneErrorType = AtlasError;

/**
 * Reads one milestone of an escrow, its kind and state by name.
 * @throws {AtlasContractError} `EscrowUnknownEscrow`, `EscrowUnknownMilestone`; {AtlasNetworkError}.
 */
export async function getMilestone(
  context: AtlasContext,
  { escrowId, index }: GetMilestoneParameters,
): Promise<GetMilestoneReturnType> {
  try {
    const milestone = await context.publicClient.readContract({
      address: context.addresses.escrow,
      abi,
      functionName: "getMilestone",
      args: [escrowId, index],
    });
    const common = {
      escrowId,
      index,
      state: MILESTONE_STATES[milestone.state] ?? "unfunded",
      amount: milestone.amount,
      released: milestone.released,
    } as const;
    const kind: MilestoneKind = MILESTONE_KINDS[milestone.kind] ?? "lump";
    // A lump's submission time, or a stream's cancellation by its funder.
    const submittedAt = milestone.submittedAt === 0 ? undefined : BigInt(milestone.submittedAt);
    const dispute =
      milestone.disputeId === 0n ? undefined : { disputeId: milestone.disputeId, byFunder: milestone.disputedByFunder };
    return kind === "streaming"
      ? {
          ...common,
          kind,
          start: BigInt(milestone.start),
          end: BigInt(milestone.end),
          cancelledAt: submittedAt,
          dispute,
        }
      : { ...common, kind, deadline: BigInt(milestone.deadline), submittedAt, dispute };
  } catch (error) {
    throw decodeAtlasError(error, MilestoneEscrow.milestoneEscrowErrors);
  }
}
