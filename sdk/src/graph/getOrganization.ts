import type { Hex } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.getOrganization] as const;

export interface GetOrganizationParameters {
  readonly organizationId: bigint;
}

/** An organization as the registry stores it. */
export interface GetOrganizationReturnType {
  readonly organizationId: bigint;
  /** The sovereign it belongs to. */
  readonly sovereignId: bigint;
  readonly metadataURI: string;
  readonly metadataHash: Hex;
}

export type GetOrganizationErrorType = AtlasError;

/**
 * Reads an organization.
 * @throws {AtlasContractError} `RegistryUnknownOrganization` for an unknown id; {AtlasNetworkError}.
 */
export async function getOrganization(
  context: AtlasContext,
  { organizationId }: GetOrganizationParameters,
): Promise<GetOrganizationReturnType> {
  try {
    const organization = await context.publicClient.readContract({
      address: context.addresses.registry,
      abi: sovereignRegistryItems,
      functionName: "getOrganization",
      args: [organizationId],
    });
    return { organizationId, ...organization };
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
