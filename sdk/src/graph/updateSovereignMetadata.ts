import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import type { MetadataReference } from "./metadata.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.updateSovereignMetadata] as const;

export type UpdateSovereignMetadataParameters = {
  /** The sovereign. */
  readonly sovereignId: bigint;
} & MetadataReference;

export type UpdateSovereignMetadataReturnType = WriteResult;

export type UpdateSovereignMetadataErrorType = AtlasError;

/**
 * Points the sovereign's metadata at a new document, whose hash comes from
 * {@link sovereignMetadataHash} (which validates it first). Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`,
 * `RegistryMissingMetadata`, `RegistrySovereignSuspended`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function updateSovereignMetadata(
  context: AtlasContext,
  parameters: UpdateSovereignMetadataParameters,
): Promise<UpdateSovereignMetadataReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "updateSovereignMetadata", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "updateSovereignMetadata",
    args: [parameters.sovereignId, parameters.metadataURI, parameters.metadataHash],
  });
}
