import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, graphErrors, type AtlasError } from "../errors.ts";

export interface IsMutuallyRecognizedParameters {
  readonly sovereignId: bigint;
  readonly otherId: bigint;
}

/** Whether both sovereigns recognize each other. */
export type IsMutuallyRecognizedReturnType = boolean;

export type IsMutuallyRecognizedErrorType = AtlasError;

/**
 * Whether two sovereigns recognize each other (a one-sided proposal does not count).
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function isMutuallyRecognized(
  context: AtlasContext,
  { sovereignId, otherId }: IsMutuallyRecognizedParameters,
): Promise<IsMutuallyRecognizedReturnType> {
  try {
    return await context.publicClient.readContract({
      address: context.addresses.registry,
      abi: sovereignRegistryAbi,
      functionName: "isMutuallyRecognized",
      args: [sovereignId, otherId],
    });
  } catch (error) {
    throw decodeAtlasError(error, graphErrors);
  }
}
