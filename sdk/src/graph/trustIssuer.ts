import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { schemaUidOf, type SchemaReference } from "./attestationData.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.trustIssuer] as const;

export interface TrustIssuerParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The credential's EAS schema: an Atlas OS schema by name (`"skillCredential"`) or a UID. */
  readonly schema: SchemaReference;
  /** The attester to trust. */
  readonly issuer: Address;
}

export type TrustIssuerReturnType = WriteResult;

export type TrustIssuerErrorType = AtlasError;

/**
 * Makes the sovereign trust `issuer`'s attestations of `schema` (its own credential checks, and
 * those of sovereigns mutually recognizing it). Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryIssuerAlreadyTrusted`,
 * `RegistryZeroSchema`, `RegistryZeroAccount`, `RegistrySovereignSuspended`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function trustIssuer(
  context: AtlasContext,
  { sovereignId, schema, issuer }: TrustIssuerParameters,
): Promise<TrustIssuerReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "trustIssuer", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "trustIssuer",
    args: [sovereignId, schemaUidOf(schema), issuer],
  });
}
