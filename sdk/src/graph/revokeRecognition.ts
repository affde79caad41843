import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { graphErrors, type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

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
  return simulateAndSend(context, graphErrors, "revokeRecognition", {
    address: context.addresses.registry,
    abi: sovereignRegistryAbi,
    functionName: "revokeRecognition",
    args: [sovereignId, otherId],
  });
}
