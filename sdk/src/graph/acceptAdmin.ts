import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "acceptAdmin", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "acceptAdmin",
    args: [sovereignId],
  });
}
