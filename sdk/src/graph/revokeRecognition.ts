import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.revokeRecognition] as const;

export interface RevokeRecognitionParameters {
  /** The sovereign. */
  readonly sovereignId: bigint;
  /** The other sovereign. */
  readonly otherId: bigint;
}

export type RevokeRecognitionReturnType = WriteResult;

export type RevokeRecognitionErrorType = AtlasError;

/**
 * Ends the recognition between two sovereigns in both directions (withdraws a proposal, or breaks
 * a mutual recognition). Admin of `sovereignId`.
 * @throws {AtlasContractError} e.g. `RegistryNotSovereignAdmin`, `RegistryNotRecognized`,
 * `RegistrySovereignSuspended`; {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError},
 * {AtlasNetworkError}.
 */
export async function revokeRecognition(
  context: AtlasContext,
  { sovereignId, otherId }: RevokeRecognitionParameters,
): Promise<RevokeRecognitionReturnType> {
  return simulateAndSend(context, sovereignRegistryErrors, "revokeRecognition", {
    address: context.addresses.registry,
    abi: sovereignRegistryItems,
    functionName: "revokeRecognition",
    args: [sovereignId, otherId],
  });
}
