import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.rejectApplication] as const;

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
  return simulateAndSend(context, sovereignRegistryErrors, "rejectApplication", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "rejectApplication",
    args: [sovereignId, account],
  });
}
