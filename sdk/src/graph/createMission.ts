import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import type { MetadataReference } from "./metadata.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.MissionCreated, SovereignRegistry.createMission] as const;

export type CreateMissionParameters = {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** One of the sovereign's organizations; default: none. */
  readonly organizationId?: bigint;
} & MetadataReference;

export interface CreateMissionReturnType extends WriteResult {
  /** The new mission's id, from its `MissionCreated` event. */
  readonly missionId: bigint;
}

export type CreateMissionErrorType = AtlasError;

/**
 * Creates a mission, in draft, owned by the wallet account: a sovereign admin, an admin of
 * `organizationId`, or a member with the operator role. Its metadata document's hash comes from
 * {@link missionMetadataHash}, which validates the document against the mission metadata schema
 * first.
 * @throws {AtlasContractError} e.g. `RegistryCannotCreateMission`,
 * `RegistryOrganizationNotInSovereign`, `RegistryMissingMetadata`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function createMission(
  context: AtlasContext,
  parameters: CreateMissionParameters,
): Promise<CreateMissionReturnType> {
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, sovereignRegistryErrors, "createMission", {
    address: registry,
    abi: sovereignRegistryItems,
    functionName: "createMission",
    args: [parameters.sovereignId, parameters.organizationId ?? 0n, parameters.metadataURI, parameters.metadataHash],
  });
  const { args } = emitted(result, registry, sovereignRegistryItems, "MissionCreated");
  return { ...result, missionId: args.missionId };
}
