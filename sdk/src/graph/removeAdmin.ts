import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.removeAdmin] as const;

export interface RemoveAdminParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The admin to remove: the wallet's own address to step down. */
  readonly admin: Address;
}

export type RemoveAdminReturnType = WriteResult;

export type RemoveAdminErrorType = AtlasError;

/**
 * Removes an admin (never the last one). Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryLastAdmin`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function removeAdmin(
  context: AtlasContext,
  { sovereignId, admin }: RemoveAdminParameters,
): Promise<RemoveAdminReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "removeAdmin", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "removeAdmin",
    args: [sovereignId, admin],
  });
}
