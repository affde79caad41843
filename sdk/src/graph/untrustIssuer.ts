import type { Address } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { schemaUidOf, type SchemaReference } from "./attestationData.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.untrustIssuer] as const;

export interface UntrustIssuerParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The credential's EAS schema: an Atlas OS schema by name or a UID. */
  readonly schema: SchemaReference;
  /** The attester. */
  readonly issuer: Address;
}

export type UntrustIssuerReturnType = WriteResult;

export type UntrustIssuerErrorType = AtlasError;

/**
 * Stops the sovereign trusting `issuer` for `schema`. Sovereign admin.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryIssuerNotTrusted`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function untrustIssuer(
  context: AtlasContext,
  { sovereignId, schema, issuer }: UntrustIssuerParameters,
): Promise<UntrustIssuerReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "untrustIssuer", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "untrustIssuer",
    args: [sovereignId, schemaUidOf(schema), issuer],
  });
}
