import type { Address } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.contributionOf, BountyBoard.refundOf] as const;

/** The parameters of {@link getBountyContribution}. */
export interface GetBountyContributionParameters {
  readonly bountyId: bigint;
  readonly funder: Address;
}

/** A funder's stake in a bounty. */
export interface GetBountyContributionReturnType {
  /** What its deposits credited. */
  readonly amount: bigint;
  /** Whether it reclaimed its refund already. */
  readonly reclaimed: boolean;
  /** What `reclaimBountyFunds` would refund it now (0 while the bounty is open). */
  readonly refund: bigint;
}

/** What {@link getBountyContribution} throws: an `AtlasError` (its documentation says which). */
export type GetBountyContributionErrorType = AtlasError;

/**
 * Reads a funder's contribution to a bounty and the refund it could reclaim now: what its
 * deposits are still worth after the awards made while they were in (a top-up pays for no award
 * made before it).
 * @throws {AtlasInputError} for a `funder` that is not an address; {AtlasNetworkError}.
 */
export async function getBountyContribution(
  context: AtlasContext,
  { bountyId, funder }: GetBountyContributionParameters,
): Promise<GetBountyContributionReturnType> {
  const account = checkAddress("funder", funder);
  try {
    const client = context.publicClient;
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const read = { address: context.addresses.bountyBoard, abi, blockNumber } as const;
    const [[amount, reclaimed], refund] = await Promise.all([
      client.readContract({ ...read, functionName: "contributionOf", args: [bountyId, account] }),
      client.readContract({ ...read, functionName: "refundOf", args: [bountyId, account] }),
    ]);
    return { amount, reclaimed, refund };
  } catch (error) {
    throw decodeAtlasError(error, BountyBoard.bountyBoardErrors);
  }
}
