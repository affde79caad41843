import type { Address } from "viem";

import { contributionLedgerErrors } from "../abi/ContributionLedger.ts";
import * as ContributionLedger from "../abi/ContributionLedger.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `ContributionLedger`'s ABI this action uses. */
const contributionLedgerItems = [ContributionLedger.reputationOf] as const;

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
      abi: contributionLedgerItems,
      functionName: "reputationOf",
      args: [sovereignId, account],
    });
  } catch (error) {
    throw decodeAtlasError(error, contributionLedgerErrors);
  }
}
