import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "leave", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "leave",
    args: [sovereignId],
  });
}
