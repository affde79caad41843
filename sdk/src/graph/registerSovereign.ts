import type { Hex } from "viem";

import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import type { AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import { metadataHashOf, type MetadataReference } from "./metadata.ts";
import type { SovereignMetadata } from "./metadataSchemas.ts";
import { validateSovereignMetadata } from "./validateMetadata.ts";

export type RegisterSovereignParameters = {
  /** Unique handle: 3–32 characters of `a`–`z`, `0`–`9` and `-`, not starting or ending with `-`. */
  readonly handle: string;
} & MetadataReference<SovereignMetadata>;

export interface RegisterSovereignReturnType extends WriteResult {
  /** The new sovereign's id, from its `SovereignRegistered` event. */
  readonly sovereignId: bigint;
  /** The metadata hash stored (given, or computed from the document). */
  readonly metadataHash: Hex;
}

export type RegisterSovereignErrorType = AtlasError;

/**
 * Registers a sovereign; the wallet account becomes its first admin and a member. Given a
 * `metadata` document instead of a `metadataHash`, validates it against the sovereign metadata
 * schema and stores its {@link hashMetadata} hash.
 * @throws {AtlasMetadataError} for a document that does not match the schema; {AtlasContractError}
 * e.g. `RegistryHandleTaken`, `RegistryInvalidHandle`, `RegistryMissingMetadata`;
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function registerSovereign(
  context: AtlasContext,
  parameters: RegisterSovereignParameters,
): Promise<RegisterSovereignReturnType> {
  const metadataHash = metadataHashOf(parameters, "sovereign metadata", validateSovereignMetadata);
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, "registerSovereign", {
    address: registry,
    abi: sovereignRegistryAbi,
    functionName: "register",
    args: [parameters.handle, parameters.metadataURI, metadataHash],
  });
  const { args } = emitted(result, registry, sovereignRegistryAbi, "SovereignRegistered");
  return { ...result, sovereignId: args.sovereignId, metadataHash };
}
