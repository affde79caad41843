import { contributionLedgerErrors } from "../abi/ContributionLedger.ts";
import * as ContributionLedger from "../abi/ContributionLedger.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `ContributionLedger`'s ABI this action uses. */
const contributionLedgerItems = [ContributionLedger.maxExecutionPoints] as const;

/** The most reputation points one execution verification grants. */
export type GetMaxExecutionPointsReturnType = bigint;

export type GetMaxExecutionPointsErrorType = AtlasError;

/**
 * The ledger's cap on the points one execution verification grants (set by governance; 100 until
 * it does): `recordVerifiedExecution` refuses a verification above it with `LedgerPointsAboveCap`,
 * so a verifier checks it before attesting (`attestExecutionVerification`).
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getMaxExecutionPoints(context: AtlasContext): Promise<GetMaxExecutionPointsReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.ledger,
      abi: contributionLedgerItems,
      functionName: "maxExecutionPoints",
    });
  } catch (error) {
    throw decodeAtlasError(error, contributionLedgerErrors);
  }
}
