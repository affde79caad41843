import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.cancelInvitation] as const;

export interface CancelInvitationParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The invited account. */
  readonly account: Address;
}

export type CancelInvitationReturnType = WriteResult;

export type CancelInvitationErrorType = AtlasError;

/**
 * Withdraws a pending invitation. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNoInvitation`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function cancelInvitation(
  context: AtlasContext,
  { sovereignId, account }: CancelInvitationParameters,
): Promise<CancelInvitationReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "cancelInvitation", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "cancelInvitation",
    args: [sovereignId, account],
  });
}
