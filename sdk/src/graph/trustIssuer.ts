import type { Address } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { schemaUidOf, type SchemaReference } from "./attestationData.ts";

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
  return simulateAndSend(context, graphErrors, "trustIssuer", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "trustIssuer",
    args: [sovereignId, schemaUidOf(schema), issuer],
  });
}
