import type { Address, Hex } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { MISSION_STATUSES, type MissionStatus } from "./enums.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.getMission] as const;

export interface GetMissionParameters {
  readonly missionId: bigint;
}

/** A mission as the registry stores it. */
export interface GetMissionReturnType {
  readonly missionId: bigint;
  readonly sovereignId: bigint;
  /** The organization it belongs to; `undefined` when none. */
  readonly organizationId: bigint | undefined;
  readonly status: MissionStatus;
  /** The account that created it and manages it (with the admins of its sovereign or organization). */
  readonly owner: Address;
  /** Where its metadata document lives (sdk/schemas/mission-metadata.schema.json). */
  readonly metadataURI: string;
  readonly metadataHash: Hex;
}

export type GetMissionErrorType = AtlasError;

/**
 * Reads a mission, its status by name.
 * @throws {AtlasContractError} `RegistryUnknownMission` for an unknown id; {AtlasNetworkError}.
 */
export async function getMission(
  context: AtlasContext,
  { missionId }: GetMissionParameters,
): Promise<GetMissionReturnType> {
  try {
    const mission = await context.publicClient.readContract({
      address: context.addresses.registry,
      abi: sovereignRegistryItems,
      functionName: "getMission",
      args: [missionId],
    });
    return {
      missionId,
      sovereignId: mission.sovereignId,
      organizationId: mission.organizationId === 0n ? undefined : mission.organizationId,
      status: MISSION_STATUSES[mission.status] ?? "none",
      owner: mission.owner,
      metadataURI: mission.metadataURI,
      metadataHash: mission.metadataHash,
    };
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
