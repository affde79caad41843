import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.removeOrganizationMember] as const;

export interface RemoveOrganizationMemberParameters {
  /** The organization. */
  readonly organizationId: bigint;
  /** The member: the wallet's own address to leave. */
  readonly account: Address;
}

export type RemoveOrganizationMemberReturnType = WriteResult;

export type RemoveOrganizationMemberErrorType = AtlasError;

/**
 * Removes a member from an organization. Organization or sovereign admin, or the member itself.
 * @throws {AtlasContractError} e.g. `RegistryNotOrganizationAdmin`, `RegistryOrganizationUnchanged`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function removeOrganizationMember(
  context: AtlasContext,
  { organizationId, account }: RemoveOrganizationMemberParameters,
): Promise<RemoveOrganizationMemberReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "removeOrganizationMember", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "removeOrganizationMember",
    args: [organizationId, account],
  });
}
