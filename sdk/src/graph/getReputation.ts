import type { Address } from "viem";

import { contributionLedgerAbi } from "../abi/ContributionLedger.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, graphErrors, type AtlasError } from "../errors.ts";

export interface GetReputationParameters {
  readonly sovereignId: bigint;
  readonly account: Address;
}

/** Reputation points, all time (time decay is the indexer's view). */
export type GetReputationReturnType = bigint;

export type GetReputationErrorType = AtlasError;

/**
 * An account's reputation points in a sovereign, from the contribution ledger.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getReputation(
  context: AtlasContext,
  { sovereignId, account }: GetReputationParameters,
): Promise<GetReputationReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.ledger,
      abi: contributionLedgerAbi,
      functionName: "reputationOf",
      args: [sovereignId, account],
    });
  } catch (error) {
    throw decodeAtlasError(error, graphErrors);
  }
}
