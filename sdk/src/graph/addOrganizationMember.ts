import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "addOrganizationMember", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "addOrganizationMember",
    args: [organizationId, account],
  });
}
