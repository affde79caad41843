import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "cancelInvitation", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "cancelInvitation",
    args: [sovereignId, account],
  });
}
