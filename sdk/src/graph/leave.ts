import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.leave] as const;

export interface LeaveParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
}

export type LeaveReturnType = WriteResult;

export type LeaveErrorType = AtlasError;

/**
 * The wallet account leaves the sovereign and loses every role in it (adminship is separate: see
 * `removeAdmin`).
 * @throws {AtlasContractError} e.g. `RegistryNotMember`, `RegistrySovereignSuspended`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function leave(context: AtlasContext, { sovereignId }: LeaveParameters): Promise<LeaveReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "leave", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "leave",
    args: [sovereignId],
  });
}
