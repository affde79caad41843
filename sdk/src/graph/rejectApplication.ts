import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

export interface RejectApplicationParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The applicant. */
  readonly account: Address;
}

export type RejectApplicationReturnType = WriteResult;

export type RejectApplicationErrorType = AtlasError;

/**
 * Rejects an application. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNoApplication`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function rejectApplication(
  context: AtlasContext,
  { sovereignId, account }: RejectApplicationParameters,
): Promise<RejectApplicationReturnType> {
  return simulateAndSend(context, graphErrors, "rejectApplication", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "rejectApplication",
    args: [sovereignId, account],
  });
}
