import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import { MISSION_STATUSES, type MissionStatus } from "./enums.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.MissionStatusChanged, SovereignRegistry.transitionMission] as const;

export interface TransitionMissionParameters {
  /** The mission. */
  readonly missionId: bigint;
  /**
   * The next status: `open` from draft, `inProgress` from open, `completed` from in progress,
   * `cancelled` from any of those three.
   */
  readonly to: Exclude<MissionStatus, "none" | "draft">;
}

export interface TransitionMissionReturnType extends WriteResult {
  /** The status the mission left, from the `MissionStatusChanged` event. */
  readonly from: MissionStatus;
  /** The status it is in now. */
  readonly to: MissionStatus;
}

export type TransitionMissionErrorType = AtlasError;

/**
 * Moves a mission along its lifecycle. Mission owner, or an admin of its sovereign or organization.
 * @throws {AtlasContractError} e.g. `RegistryInvalidMissionTransition`, `RegistryNotMissionManager`,
 * `RegistryUnknownMission`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function transitionMission(
  context: AtlasContext,
  { missionId, to }: TransitionMissionParameters,
): Promise<TransitionMissionReturnType> {
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, sovereignRegistryErrors, "transitionMission", {
    address: registry,
    abi: sovereignRegistryItems,
    functionName: "transitionMission",
    args: [missionId, MISSION_STATUSES.indexOf(to)],
  });
  const { args } = emitted(result, registry, sovereignRegistryItems, "MissionStatusChanged");
  return { ...result, from: MISSION_STATUSES[args.from] ?? "none", to: MISSION_STATUSES[args.to] ?? "none" };
}
