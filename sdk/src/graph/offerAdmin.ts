import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.offerAdmin] as const;

export interface OfferAdminParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The future admin; it becomes one with `acceptAdmin`. */
  readonly candidate: Address;
  /** Whether the wallet account steps down when the candidate accepts (default `false`). */
  readonly handOver?: boolean;
}

export type OfferAdminReturnType = WriteResult;

export type OfferAdminErrorType = AtlasError;

/**
 * Offers adminship of the sovereign to `candidate`, who accepts with `acceptAdmin`; with `handOver`
 * the wallet account stops being an admin at that moment. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryAlreadyAdmin`, `RegistryZeroAccount`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function offerAdmin(
  context: AtlasContext,
  { sovereignId, candidate, handOver }: OfferAdminParameters,
): Promise<OfferAdminReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "offerAdmin", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "offerAdmin",
    args: [sovereignId, candidate, handOver ?? false],
  });
}
