import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.acceptInvitation] as const;

export interface AcceptInvitationParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
}

export type AcceptInvitationReturnType = WriteResult;

export type AcceptInvitationErrorType = AtlasError;

/**
 * Accepts the wallet account's invitation: it becomes a member of the sovereign.
 * @throws {AtlasContractError} e.g. `RegistryNoInvitation`, `RegistrySovereignSuspended`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function acceptInvitation(
  context: AtlasContext,
  { sovereignId }: AcceptInvitationParameters,
): Promise<AcceptInvitationReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "acceptInvitation", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "acceptInvitation",
    args: [sovereignId],
  });
}
