import { zeroHash, type Address, type Hex } from "viem";

import * as RevenueSplitFactory from "../abi/RevenueSplitFactory.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkBytes32, checkOptionalAddress } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

import { checkSplitConfig, type SplitConfig } from "./splitConfig.ts";

/** The ABI items this action uses. */
const abi = [RevenueSplitFactory.createSplit, RevenueSplitFactory.SplitCreated] as const;

/** The parameters of {@link createSplit}. */
export interface CreateSplitParameters {
  /** Recipients (sorted ascending, unique), allocations (summing to 1,000,000) and distributor fee. */
  readonly config: SplitConfig;
  /** Who may update the split and hand over control; default: nobody (an immutable split). */
  readonly controller?: Address;
  /** Any value: another salt gives another split with the same configuration; default: zero. */
  readonly salt?: Hex;
}

/** What {@link createSplit} returns. */
export interface CreateSplitReturnType extends WriteResult {
  /** The new split's address, as `predictSplitAddress` computes it (`SplitCreated`). */
  readonly split: Address;
  /** The configuration's hash, which the split stores. */
  readonly splitHash: Hex;
}

/** What {@link createSplit} throws: an `AtlasError` (its documentation says which). */
export type CreateSplitErrorType = AtlasError;

/**
 * Creates a revenue split (an EIP-1167 clone) at its predicted address, from the wallet account;
 * anyone may. What was sent to the address before is shared by its first distribution.
 * @throws {AtlasInputError} for a configuration RevenueSplit would refuse (recipients unsorted,
 * repeated or not addresses, allocations not summing to 1,000,000, a fee above 10%…), a
 * `controller` that is not an address or a `salt` that is not 32 bytes; {AtlasContractError}
 * e.g. `SplitFactorySplitExists`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function createSplit(
  context: AtlasContext,
  { config, controller, salt }: CreateSplitParameters,
): Promise<CreateSplitReturnType> {
  const factory = context.addresses.splitFactory;
  const result = await simulateAndSend(context, RevenueSplitFactory.revenueSplitFactoryErrors, "createSplit", {
    address: factory,
    abi,
    functionName: "createSplit",
    args: [
      checkSplitConfig(config),
      checkOptionalAddress("controller", controller),
      checkBytes32("salt", salt ?? zeroHash),
    ],
  });
  const { args } = emitted(result, factory, abi, "SplitCreated");
  return { ...result, split: args.split, splitHash: args.splitHash };
}
