import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { schemaUidOf, type SchemaReference } from "./attestationData.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.isTrustedIssuer] as const;

export interface IsTrustedIssuerParameters {
  readonly sovereignId: bigint;
  /** The credential's EAS schema: an Atlas OS schema by name or a UID. */
  readonly schema: SchemaReference;
  readonly issuer: Address;
}

/** Whether the sovereign's own trust list names the issuer for the schema. */
export type IsTrustedIssuerReturnType = boolean;

export type IsTrustedIssuerErrorType = AtlasError;

/**
 * Whether a sovereign trusts an issuer's attestations of a schema (its own list; trust through
 * recognition is what `checkCredential` adds).
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function isTrustedIssuer(
  context: AtlasContext,
  { sovereignId, schema, issuer }: IsTrustedIssuerParameters,
): Promise<IsTrustedIssuerReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.registry,
      abi: sovereignRegistryItems,
      functionName: "isTrustedIssuer",
      args: [sovereignId, schemaUidOf(schema), issuer],
    });
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
