import { zeroAddress, type Address } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.getEscrow] as const;

/** The parameters of {@link getEscrow}. */
export interface GetEscrowParameters {
  readonly escrowId: bigint;
}

/** An escrow's terms (its milestones: `getMilestone`). */
export interface GetEscrowReturnType {
  readonly escrowId: bigint;
  readonly missionId: bigint;
  readonly funder: Address;
  readonly contributor: Address;
  /** The token paid; the zero address for ETH. */
  readonly token: Address;
  /** Whose milestone verifications release lump milestones; `undefined` when none. */
  readonly verifier: Address | undefined;
  /** The arbiter named at creation; `undefined` when disputes draw one. */
  readonly arbiter: Address | undefined;
  /** The funder's sovereign; `undefined` when none. */
  readonly funderSovereign: bigint | undefined;
  /** The contributor's sovereign; `undefined` when none. */
  readonly contributorSovereign: bigint | undefined;
  /** How long the funder reviews a submission, in seconds. */
  readonly reviewWindow: number;
  /** The protocol fee of all its payouts to the contributor, in basis points. */
  readonly feeBps: number;
  readonly milestoneCount: number;
  /**
   * Whether the deal is its mission's own: created by a manager of the mission for the funder, or
   * endorsed by one (`endorseEscrow`). Its payouts then earn reputation points when the
   * contributor is a member of `contributorSovereign` (so do a deal's funded by a mission manager).
   */
  readonly endorsed: boolean;
  /** Whether the contributor accepted the terms (`acceptEscrow`); it submits no milestone before. */
  readonly accepted: boolean;
}

/** What {@link getEscrow} throws: an `AtlasError` (its documentation says which). */
export type GetEscrowErrorType = AtlasError;

const orUndefined = <T>(value: T, none: T): T | undefined => (value === none ? undefined : value);

/**
 * Reads an escrow's terms, and whether it is endorsed and accepted.
 * @throws {AtlasContractError} `EscrowUnknownEscrow` for an unknown id; {AtlasNetworkError}.
 */
export async function getEscrow(
  context: AtlasContext,
  { escrowId }: GetEscrowParameters,
): Promise<GetEscrowReturnType> {
  try {
    const escrow = await context.publicClient.readContract({
      address: context.addresses.escrow,
      abi,
      functionName: "getEscrow",
      args: [escrowId],
    });
    return {
      escrowId,
      missionId: escrow.missionId,
      funder: escrow.funder,
      contributor: escrow.contributor,
      token: escrow.token,
      verifier: orUndefined(escrow.verifier, zeroAddress),
      arbiter: orUndefined(escrow.arbiter, zeroAddress),
      funderSovereign: orUndefined(escrow.funderSovereign, 0n),
      contributorSovereign: orUndefined(escrow.contributorSovereign, 0n),
      reviewWindow: escrow.reviewWindow,
      feeBps: escrow.feeBps,
      milestoneCount: escrow.milestoneCount,
      endorsed: escrow.endorsed,
      accepted: escrow.accepted,
    };
  } catch (error) {
    throw decodeAtlasError(error, MilestoneEscrow.milestoneEscrowErrors);
  }
}
