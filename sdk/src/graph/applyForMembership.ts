import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.applyForMembership] as const;

export interface ApplyForMembershipParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
}

export type ApplyForMembershipReturnType = WriteResult;

export type ApplyForMembershipErrorType = AtlasError;

/**
 * Applies, from the wallet account, to join the sovereign; an admin admits it with `approveApplication`.
 * @throws {AtlasContractError} e.g. `RegistryAlreadyMember`, `RegistryAlreadyApplied`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function applyForMembership(
  context: AtlasContext,
  { sovereignId }: ApplyForMembershipParameters,
): Promise<ApplyForMembershipReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "applyForMembership", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "applyForMembership",
    args: [sovereignId],
  });
}
