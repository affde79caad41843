import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.sovereignIdOf] as const;

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
      abi: sovereignRegistryItems,
      functionName: "sovereignIdOf",
      args: [handle],
    });
    return sovereignId === 0n ? undefined : sovereignId;
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
