import { zeroAddress, type Address } from "viem";

import { atlasTokenErrors } from "../abi/AtlasToken.ts";
import * as AtlasToken from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

/** The items of `AtlasToken`'s ABI this action uses. */
const atlasTokenItems = [AtlasToken.delegates] as const;

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
      abi: atlasTokenItems,
      functionName: "delegates",
      args: [account],
    });
    return delegatee === zeroAddress ? undefined : delegatee;
  } catch (error) {
    throw decodeAtlasError(error, atlasTokenErrors);
  }
}
