import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.acceptAdmin] as const;

export interface AcceptAdminParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
}

export type AcceptAdminReturnType = WriteResult;

export type AcceptAdminErrorType = AtlasError;

/**
 * Accepts the adminship offer made to the wallet account.
 * @throws {AtlasContractError} e.g. `RegistryNoAdminOffer` (no offer, or its admin no longer is one),
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function acceptAdmin(
  context: AtlasContext,
  { sovereignId }: AcceptAdminParameters,
): Promise<AcceptAdminReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "acceptAdmin", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "acceptAdmin",
    args: [sovereignId],
  });
}
