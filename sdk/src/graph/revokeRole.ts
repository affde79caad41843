import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { ROLES, type Role } from "./enums.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.revokeRole] as const;

export interface RevokeRoleParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The member. */
  readonly account: Address;
  /** The role (`agent` included; a membership ends with `removeMember`). */
  readonly role: Exclude<Role, "member">;
}

export type RevokeRoleReturnType = WriteResult;

export type RevokeRoleErrorType = AtlasError;

/**
 * Revokes a role from a member. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryRoleNotHeld`,
 * `RegistryRoleNotGrantable`, `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function revokeRole(
  context: AtlasContext,
  { sovereignId, account, role }: RevokeRoleParameters,
): Promise<RevokeRoleReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "revokeRole", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "revokeRole",
    args: [sovereignId, account, ROLES.indexOf(role)],
  });
}
