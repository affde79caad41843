import type { Hex } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import { metadataHashOf, type MetadataReference } from "./metadata.ts";
import type { MissionMetadata } from "./metadataSchemas.ts";
import { validateMissionMetadata } from "./validateMetadata.ts";

export type CreateMissionParameters = {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** One of the sovereign's organizations; default: none. */
  readonly organizationId?: bigint;
} & MetadataReference<MissionMetadata>;

export interface CreateMissionReturnType extends WriteResult {
  /** The new mission's id, from its `MissionCreated` event. */
  readonly missionId: bigint;
  /** The metadata hash stored (given, or computed from the document). */
  readonly metadataHash: Hex;
}

export type CreateMissionErrorType = AtlasError;

/**
 * Creates a mission, in draft, owned by the wallet account: a sovereign admin, an admin of
 * `organizationId`, or a member with the operator role. Given a `metadata` document, validates it
 * against the mission metadata schema and stores its {@link hashMetadata} hash.
 * @throws {AtlasMetadataError}; {AtlasContractError} e.g. `RegistryCannotCreateMission`,
 * `RegistryOrganizationNotInSovereign`, `RegistryMissingMetadata`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function createMission(
  context: AtlasContext,
  parameters: CreateMissionParameters,
): Promise<CreateMissionReturnType> {
  const metadataHash = metadataHashOf(parameters, "mission metadata", validateMissionMetadata);
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, "createMission", {
    address: registry,
    abi: sovereignRegistryAbi,
    functionName: "createMission",
    args: [parameters.sovereignId, parameters.organizationId ?? 0n, parameters.metadataURI, metadataHash],
  });
  const { args } = emitted(result, registry, sovereignRegistryAbi, "MissionCreated");
  return { ...result, missionId: args.missionId, metadataHash };
}
