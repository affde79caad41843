import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import type { MetadataReference } from "./metadata.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.OrganizationCreated, SovereignRegistry.createOrganization] as const;

export type CreateOrganizationParameters = {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The organization's first admin, a member of the sovereign. */
  readonly admin: Address;
} & MetadataReference;

export interface CreateOrganizationReturnType extends WriteResult {
  /** The new organization's id, from its `OrganizationCreated` event. */
  readonly organizationId: bigint;
}

export type CreateOrganizationErrorType = AtlasError;

/**
 * Creates an organization inside a sovereign, with `admin` as its first admin. Sovereign admin.
 * Organization metadata has no schema: its document's hash is {@link hashMetadata} of it.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNotMember` (the admin),
 * `RegistryMissingMetadata`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function createOrganization(
  context: AtlasContext,
  parameters: CreateOrganizationParameters,
): Promise<CreateOrganizationReturnType> {
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, sovereignRegistryErrors, "createOrganization", {
    address: registry,
    abi: sovereignRegistryItems,
    functionName: "createOrganization",
    args: [parameters.sovereignId, parameters.admin, parameters.metadataURI, parameters.metadataHash],
  });
  const { args } = emitted(result, registry, sovereignRegistryItems, "OrganizationCreated");
  return { ...result, organizationId: args.organizationId };
}
