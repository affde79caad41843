import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.removeMember] as const;

export interface RemoveMemberParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The member. */
  readonly account: Address;
}

export type RemoveMemberReturnType = WriteResult;

export type RemoveMemberErrorType = AtlasError;

/**
 * Removes a member with every role. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNotMember`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function removeMember(
  context: AtlasContext,
  { sovereignId, account }: RemoveMemberParameters,
): Promise<RemoveMemberReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "removeMember", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "removeMember",
    args: [sovereignId, account],
  });
}
