import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";
import type { MetadataReference } from "./metadata.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.SovereignRegistered, SovereignRegistry.register] as const;

export type RegisterSovereignParameters = {
  /** Unique handle: 3–32 characters of `a`–`z`, `0`–`9` and `-`, not starting or ending with `-`. */
  readonly handle: string;
} & MetadataReference;

export interface RegisterSovereignReturnType extends WriteResult {
  /** The new sovereign's id, from its `SovereignRegistered` event. */
  readonly sovereignId: bigint;
}

export type RegisterSovereignErrorType = AtlasError;

/**
 * Registers a sovereign; the wallet account becomes its first admin and a member. Its metadata
 * document's hash comes from {@link sovereignMetadataHash}, which validates the document against
 * the sovereign metadata schema first.
 * @throws {AtlasContractError} e.g. `RegistryHandleTaken`, `RegistryInvalidHandle`,
 * `RegistryMissingMetadata`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function registerSovereign(
  context: AtlasContext,
  parameters: RegisterSovereignParameters,
): Promise<RegisterSovereignReturnType> {
  const registry = context.addresses.registry;
  const result = await simulateAndSend(context, sovereignRegistryErrors, "registerSovereign", {
    address: registry,
    abi: sovereignRegistryItems,
    functionName: "register",
    args: [parameters.handle, parameters.metadataURI, parameters.metadataHash],
  });
  const { args } = emitted(result, registry, sovereignRegistryItems, "SovereignRegistered");
  return { ...result, sovereignId: args.sovereignId };
}
