import type { Hex } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { metadataHashOf, type MetadataReference } from "./metadata.ts";
import type { SovereignMetadata } from "./metadataSchemas.ts";
import { validateSovereignMetadata } from "./validateMetadata.ts";

export type UpdateSovereignMetadataParameters = {
  /** The sovereign. */
  readonly sovereignId: bigint;
} & MetadataReference<SovereignMetadata>;

export interface UpdateSovereignMetadataReturnType extends WriteResult {
  /** The metadata hash stored (given, or computed from the document). */
  readonly metadataHash: Hex;
}

export type UpdateSovereignMetadataErrorType = AtlasError;

/**
 * Points the sovereign's metadata at a new document (validated and hashed when given as
 * `metadata`). Sovereign admin.
 * @throws {AtlasMetadataError}; {AtlasContractError} e.g. `RegistryNotSovereignAdmin`,
 * `RegistryMissingMetadata`, `RegistrySovereignSuspended`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function updateSovereignMetadata(
  context: AtlasContext,
  parameters: UpdateSovereignMetadataParameters,
): Promise<UpdateSovereignMetadataReturnType> {
  const metadataHash = metadataHashOf(parameters, "sovereign metadata", validateSovereignMetadata);
  const result = await simulateAndSend(context, "updateSovereignMetadata", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "updateSovereignMetadata",
    args: [parameters.sovereignId, parameters.metadataURI, metadataHash],
  });
  return { ...result, metadataHash };
}
