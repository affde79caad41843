import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.approveApplication] as const;

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
  return simulateAndSend(context, sovereignRegistryErrors, "approveApplication", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "approveApplication",
    args: [sovereignId, account],
  });
}
