import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.invite] as const;

export interface InviteParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The account invited; it joins with `acceptInvitation`. */
  readonly account: Address;
}

export type InviteReturnType = WriteResult;

export type InviteErrorType = AtlasError;

/**
 * Invites `account` to the sovereign; it becomes a member when it accepts. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryAlreadyMember`,
 * `RegistryAlreadyInvited`, `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function invite(
  context: AtlasContext,
  { sovereignId, account }: InviteParameters,
): Promise<InviteReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "invite", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "invite",
    args: [sovereignId, account],
  });
}
