import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.claimable] as const;

/** The parameters of {@link getClaimable}. */
export interface GetClaimableParameters {
  readonly escrowId: bigint;
  /** The streaming milestone's index (from 0). */
  readonly index: bigint;
}

/** What the contributor could claim now, gross of the protocol fee. */
export type GetClaimableReturnType = bigint;

/** What {@link getClaimable} throws: an `AtlasError` (its documentation says which). */
export type GetClaimableErrorType = AtlasError;

/**
 * Reads what a streaming milestone has vested and the contributor has not claimed yet, as of the
 * latest block (0 if unfunded, not started or not streaming). A claim sent now lands in a later
 * block, and gets what has vested by then.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getClaimable(
  context: AtlasContext,
  { escrowId, index }: GetClaimableParameters,
): Promise<GetClaimableReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.escrow,
      abi,
      functionName: "claimable",
      args: [escrowId, index],
    });
  } catch (error) {
    throw decodeAtlasError(error, MilestoneEscrow.milestoneEscrowErrors);
  }
}
