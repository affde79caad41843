import { zeroAddress, type Address, type BlockNumber, type Hex } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import * as RevenueSplitFactory from "../abi/RevenueSplitFactory.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";

import { hashSplitConfig, type SplitConfig } from "./splitConfig.ts";

/** The items of `RevenueSplit`'s ABI this action uses. */
const splitItems = [
  RevenueSplit.factory,
  RevenueSplit.controller,
  RevenueSplit.splitHash,
  RevenueSplit.SplitUpdated,
] as const;
/** The items of `RevenueSplitFactory`'s ABI this action uses. */
const factoryItems = [RevenueSplitFactory.SplitCreated] as const;

/** The parameters of {@link getSplit}. */
export interface GetSplitParameters {
  readonly split: Address;
  /**
   * Where to start looking for the configuration's events (a split stores only its hash); default:
   * the chain's first block. RPC providers that cap log ranges need the split's creation block.
   */
  readonly fromBlock?: BlockNumber;
}

/** A revenue split: what it stores and its current configuration, read from its events. */
export interface GetSplitReturnType {
  readonly split: Address;
  /** The factory that created it. */
  readonly factory: Address;
  /** Who may update it; `undefined` for an immutable split. */
  readonly controller: Address | undefined;
  /** The hash of its current configuration. */
  readonly splitHash: Hex;
  /**
   * Its current configuration: the last one published (`SplitUpdated`, or the factory's
   * `SplitCreated`) whose hash is `splitHash`; `undefined` when none was found from `fromBlock`.
   */
  readonly config: SplitConfig | undefined;
}

/** What {@link getSplit} throws: an `AtlasError` (its documentation says which). */
export type GetSplitErrorType = AtlasError;

/**
 * Reads a revenue split: its factory, controller, configuration hash and, from the events that
 * published it, its current configuration (checked against the hash).
 * @throws {AtlasInputError} for a `split` that is not an address; {AtlasError} when `split` is
 * not a revenue split (its reads fail); {AtlasNetworkError}.
 */
export async function getSplit(
  context: AtlasContext,
  { split, fromBlock }: GetSplitParameters,
): Promise<GetSplitReturnType> {
  const address = checkAddress("split", split);
  try {
    const client = context.publicClient;
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const read = { address, abi: splitItems, blockNumber } as const;
    const [factory, controller, splitHash] = await Promise.all([
      client.readContract({ ...read, functionName: "factory" }),
      client.readContract({ ...read, functionName: "controller" }),
      client.readContract({ ...read, functionName: "splitHash" }),
    ]);
    const range = { fromBlock: fromBlock ?? 0n, toBlock: blockNumber, strict: true } as const;
    const [updates, creations] = await Promise.all([
      client.getContractEvents({ ...range, address, abi: splitItems, eventName: "SplitUpdated" }),
      client.getContractEvents({
        ...range,
        address: factory,
        abi: factoryItems,
        eventName: "SplitCreated",
        args: { split: address },
      }),
    ]);
    const published = [...creations, ...updates].map(({ args }) => ({
      recipients: args.recipients,
      allocations: args.allocations,
      distributorFee: args.distributorFee,
    }));
    const config = published.reverse().find((candidate) => hashSplitConfig(candidate) === splitHash);
    return {
      split: address,
      factory,
      controller: controller === zeroAddress ? undefined : controller,
      splitHash,
      config,
    };
  } catch (error) {
    throw decodeAtlasError(error, RevenueSplit.revenueSplitErrors);
  }
}
