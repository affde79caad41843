import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.addOrganizationMember] as const;

export interface AddOrganizationMemberParameters {
  /** The organization. */
  readonly organizationId: bigint;
  /** A member of the organization's sovereign. */
  readonly account: Address;
}

export type AddOrganizationMemberReturnType = WriteResult;

export type AddOrganizationMemberErrorType = AtlasError;

/**
 * Adds a sovereign member to an organization. Organization or sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotOrganizationAdmin`, `RegistryOrganizationUnchanged`,
 * `RegistryNotMember`, `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function addOrganizationMember(
  context: AtlasContext,
  { organizationId, account }: AddOrganizationMemberParameters,
): Promise<AddOrganizationMemberReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "addOrganizationMember", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "addOrganizationMember",
    args: [organizationId, account],
  });
}
