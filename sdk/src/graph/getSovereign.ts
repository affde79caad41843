import type { Hex } from "viem";

import { sovereignRegistryErrors } from "../abi/SovereignRegistry.ts";
import * as SovereignRegistry from "../abi/SovereignRegistry.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError, decodeAtlasError } from "../errors.ts";

/** The items of `SovereignRegistry`'s ABI this action uses. */
const sovereignRegistryItems = [SovereignRegistry.getSovereign, SovereignRegistry.sovereignIdOf] as const;

/** The sovereign to read: by id, or by handle. */
export type GetSovereignParameters =
  | { readonly sovereignId: bigint; readonly handle?: undefined }
  | { readonly handle: string; readonly sovereignId?: undefined };

/** A sovereign as the registry stores it. */
export interface GetSovereignReturnType {
  readonly sovereignId: bigint;
  readonly handle: string;
  /** Where its metadata document lives (sdk/schemas/sovereign-metadata.schema.json). */
  readonly metadataURI: string;
  /** keccak256 of the canonical JSON of that document. */
  readonly metadataHash: Hex;
  /** Number of admins (at least one). */
  readonly adminCount: number;
  /** Whether governance suspended it: it can change nothing, and its trust counts for no other sovereign. */
  readonly suspended: boolean;
}

export type GetSovereignErrorType = AtlasError;

/**
 * Reads a sovereign by id, or by handle (through `sovereignIdOf`).
 * @throws {AtlasContractError} `RegistryUnknownSovereign` for an unknown id; {AtlasError} for a
 * handle no sovereign holds; {AtlasNetworkError}.
 */
export async function getSovereign(
  context: AtlasContext,
  parameters: GetSovereignParameters,
): Promise<GetSovereignReturnType> {
  const read = { address: context.addresses.registry, abi: sovereignRegistryItems } as const;
  try {
    const sovereignId =
      parameters.sovereignId ??
      (await context.publicClient.readContract({ ...read, functionName: "sovereignIdOf", args: [parameters.handle] }));
    if (sovereignId === 0n) throw new AtlasError(`No sovereign has the handle "${parameters.handle}".`);
    const sovereign = await context.publicClient.readContract({
      ...read,
      functionName: "getSovereign",
      args: [sovereignId],
    });
    return { sovereignId, ...sovereign };
  } catch (error) {
    throw decodeAtlasError(error, sovereignRegistryErrors);
  }
}
