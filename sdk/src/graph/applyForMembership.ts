import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "applyForMembership", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "applyForMembership",
    args: [sovereignId],
  });
}
