import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { ROLES, type Role } from "./enums.ts";

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
  return simulateAndSend(context, graphErrors, "revokeRole", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "revokeRole",
    args: [sovereignId, account, ROLES.indexOf(role)],
  });
}
