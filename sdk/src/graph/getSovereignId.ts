import { sovereignRegistryAbi } from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, graphErrors, type AtlasError } from "../errors.ts";

export interface GetSovereignIdParameters {
  readonly handle: string;
}

/** The id of the sovereign holding the handle; `undefined` when the handle is free. */
export type GetSovereignIdReturnType = bigint | undefined;

export type GetSovereignIdErrorType = AtlasError;

/**
 * Which sovereign holds a handle (handles are never reused).
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getSovereignId(
  context: AtlasContext,
  { handle }: GetSovereignIdParameters,
): Promise<GetSovereignIdReturnType> {
  try {
    const sovereignId = await context.publicClient.readContract({
      address: context.addresses.registry,
      abi: sovereignRegistryAbi,
      functionName: "sovereignIdOf",
      args: [handle],
    });
    return sovereignId === 0n ? undefined : sovereignId;
  } catch (error) {
    throw decodeAtlasError(error, graphErrors);
  }
}
