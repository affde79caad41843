import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { ROLES, type GrantableRole } from "./enums.ts";

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
  return simulateAndSend(context, graphErrors, "grantRole", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "grantRole",
    args: [sovereignId, account, ROLES.indexOf(role)],
  });
}
