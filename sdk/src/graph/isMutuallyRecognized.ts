import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.isMutuallyRecognized] as const;

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
      abi: sovereignRegistryItems,
      functionName: "isMutuallyRecognized",
      args: [sovereignId, otherId],
    });
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
