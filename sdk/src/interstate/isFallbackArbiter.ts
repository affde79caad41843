import type { Address } from "viem";

import * as Arbitration from "../abi/Arbitration.ts";
import { read } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";

/** The ABI items this action uses. */
const abi = [Arbitration.isFallbackArbiter, Arbitration.fallbackArbiterCount] as const;

/** The parameters of {@link isFallbackArbiter}. */
export interface IsFallbackArbiterParameters {
  readonly account: Address;
}

/** What {@link isFallbackArbiter} returns. */
export interface IsFallbackArbiterReturnType {
  /** Whether `account` is one of governance's fallback arbiters (drawn with `proposeArbiter` without a sovereign). */
  readonly fallbackArbiter: boolean;
  /** How many fallback arbiters there are (at least two). */
  readonly fallbackArbiterCount: bigint;
}

/** What {@link isFallbackArbiter} throws: an `AtlasError` (its documentation says which). */
export type IsFallbackArbiterErrorType = AtlasError;

/**
 * Reads whether an account is a fallback arbiter: named by governance, drawable in every dispute
 * whatever the parties' sovereigns recognize, so that no party can empty the arbiter pool alone.
 * (Arbitration does not list them: its `FallbackArbiterSet` events do.)
 * @throws {AtlasInputError} for an `account` that is not an address; {AtlasNetworkError}.
 */
export async function isFallbackArbiter(
  context: AtlasContext,
  { account }: IsFallbackArbiterParameters,
): Promise<IsFallbackArbiterReturnType> {
  const address = checkAddress("account", account);
  return read(Arbitration.arbitrationErrors, async () => {
    const client = context.publicClient;
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const arbitration = { address: context.addresses.arbitration, abi, blockNumber } as const;
    const [fallbackArbiter, fallbackArbiterCount] = await Promise.all([
      client.readContract({ ...arbitration, functionName: "isFallbackArbiter", args: [address] }),
      client.readContract({ ...arbitration, functionName: "fallbackArbiterCount" }),
    ]);
    return { fallbackArbiter, fallbackArbiterCount };
  });
}
