import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import type { MetadataReference } from "./metadata.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.updateMissionMetadata] as const;

export type UpdateMissionMetadataParameters = {
  /** The mission. */
  readonly missionId: bigint;
} & MetadataReference;

export type UpdateMissionMetadataReturnType = WriteResult;

export type UpdateMissionMetadataErrorType = AtlasError;

/**
 * Points a draft, open or in-progress mission's metadata at a new document, whose hash comes from
 * {@link missionMetadataHash} (which validates it first). Mission owner, or an admin of its
 * sovereign or organization.
 * @throws {AtlasContractError} e.g. `RegistryNotMissionManager`,
 * `RegistryMissionClosed`, `RegistryMissingMetadata`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function updateMissionMetadata(
  context: AtlasContext,
  parameters: UpdateMissionMetadataParameters,
): Promise<UpdateMissionMetadataReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "updateMissionMetadata", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "updateMissionMetadata",
    args: [parameters.missionId, parameters.metadataURI, parameters.metadataHash],
  });
}
