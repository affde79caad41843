import type { Hex } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { metadataHashOf, type MetadataReference } from "./metadata.ts";
import type { MissionMetadata } from "./metadataSchemas.ts";
import { validateMissionMetadata } from "./validateMetadata.ts";

export type UpdateMissionMetadataParameters = {
  /** The mission. */
  readonly missionId: bigint;
} & MetadataReference<MissionMetadata>;

export interface UpdateMissionMetadataReturnType extends WriteResult {
  /** The metadata hash stored (given, or computed from the document). */
  readonly metadataHash: Hex;
}

export type UpdateMissionMetadataErrorType = AtlasError;

/**
 * Points a draft, open or in-progress mission's metadata at a new document (validated and hashed
 * when given as `metadata`). Mission owner, or an admin of its sovereign or organization.
 * @throws {AtlasMetadataError}; {AtlasContractError} e.g. `RegistryNotMissionManager`,
 * `RegistryMissionClosed`, `RegistryMissingMetadata`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function updateMissionMetadata(
  context: AtlasContext,
  parameters: UpdateMissionMetadataParameters,
): Promise<UpdateMissionMetadataReturnType> {
  const metadataHash = metadataHashOf(parameters, "mission metadata", validateMissionMetadata);
  const result = await simulateAndSend(context, "updateMissionMetadata", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "updateMissionMetadata",
    args: [parameters.missionId, parameters.metadataURI, metadataHash],
  });
  return { ...result, metadataHash };
}
