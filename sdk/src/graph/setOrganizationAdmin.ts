import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "setOrganizationAdmin", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "setOrganizationAdmin",
    args: [organizationId, account, isAdmin],
  });
}
