import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.setOrganizationAdmin] as const;

export interface SetOrganizationAdminParameters {
  /** The organization. */
  readonly organizationId: bigint;
  /** A member of the organization's sovereign. */
  readonly account: Address;
  /** Whether `account` is to be an admin of the organization. */
  readonly isAdmin: boolean;
}

export type SetOrganizationAdminReturnType = WriteResult;

export type SetOrganizationAdminErrorType = AtlasError;

/**
 * Makes a sovereign member an organization admin, or removes one. Organization or sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotOrganizationAdmin`, `RegistryOrganizationUnchanged`,
 * `RegistryNotMember`, `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function setOrganizationAdmin(
  context: AtlasContext,
  { organizationId, account, isAdmin }: SetOrganizationAdminParameters,
): Promise<SetOrganizationAdminReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "setOrganizationAdmin", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "setOrganizationAdmin",
    args: [organizationId, account, isAdmin],
  });
}
