import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { ROLES, type GrantableRole } from "./enums.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.grantRole] as const;

export interface GrantRoleParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The member. */
  readonly account: Address;
  /** The role: `contributor`, `issuer`, `verifier`, `arbiter` or `operator`. */
  readonly role: GrantableRole;
}

export type GrantRoleReturnType = WriteResult;

export type GrantRoleErrorType = AtlasError;

/**
 * Grants a role to a member. Sovereign admin. Members join by invitation or application, agents
 * with `registerAgent`.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNotMember`,
 * `RegistryRoleAlreadyGranted`, `RegistryRoleNotGrantable`, `RegistrySovereignSuspended`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function grantRole(
  context: AtlasContext,
  { sovereignId, account, role }: GrantRoleParameters,
): Promise<GrantRoleReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "grantRole", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "grantRole",
    args: [sovereignId, account, ROLES.indexOf(role)],
  });
}
