import { zeroAddress, type Address } from "viem";

import { atlasTokenAbi } from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, governanceErrors, type AtlasError } from "../errors.ts";

export interface GetDelegateParameters {
  readonly account: Address;
}

/** The account's delegate (itself when self-delegated); `undefined` when it has never delegated. */
export type GetDelegateReturnType = Address | undefined;

export type GetDelegateErrorType = AtlasError;

/**
 * Whom an account's tokens vote through.
 * @throws {AtlasNetworkError} when the RPC cannot be reached.
 */
export async function getDelegate(
  context: AtlasContext,
  { account }: GetDelegateParameters,
): Promise<GetDelegateReturnType> {
  try {
    const delegatee = await context.publicClient.readContract({
      address: context.addresses.token,
      abi: atlasTokenAbi,
      functionName: "delegates",
      args: [account],
    });
    return delegatee === zeroAddress ? undefined : delegatee;
  } catch (error) {
    throw decodeAtlasError(error, governanceErrors);
  }
}
