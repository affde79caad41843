import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

export interface ApproveApplicationParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The applicant. */
  readonly account: Address;
}

export type ApproveApplicationReturnType = WriteResult;

export type ApproveApplicationErrorType = AtlasError;

/**
 * Admits an applicant as a member. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNoApplication`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function approveApplication(
  context: AtlasContext,
  { sovereignId, account }: ApproveApplicationParameters,
): Promise<ApproveApplicationReturnType> {
  return simulateAndSend(context, graphErrors, "approveApplication", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "approveApplication",
    args: [sovereignId, account],
  });
}
