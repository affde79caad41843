import type { Address, Hex } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import { write } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { capitalErrors, type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";
import { emitted, type WriteResult } from "../write.ts";

import { checkSplitConfig, type SplitConfig } from "./splitConfig.ts";

/** The ABI items this action uses. */
const abi = [RevenueSplit.updateSplit, RevenueSplit.SplitUpdated] as const;

/** The parameters of {@link updateSplit}. */
export interface UpdateSplitParameters {
  readonly split: Address;
  /** The new configuration, checked as `createSplit` checks it. */
  readonly config: SplitConfig;
}

/** What {@link updateSplit} returns. */
export interface UpdateSplitReturnType extends WriteResult {
  /** The new configuration's hash. */
  readonly splitHash: Hex;
}

/** What {@link updateSplit} throws: an `AtlasError` (its documentation says which). */
export type UpdateSplitErrorType = AtlasError;

/**
 * Replaces a split's configuration. Its controller only. What the split holds and has not
 * distributed yet is shared by the new configuration: distribute first to pay under the old one.
 * The split's address does not change.
 * @throws {AtlasInputError} for a configuration RevenueSplit would refuse, or a `split` that is
 * not an address; {AtlasContractError} e.g. `SplitNotController`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function updateSplit(
  context: AtlasContext,
  { split, config }: UpdateSplitParameters,
): Promise<UpdateSplitReturnType> {
  const address = checkAddress("split", split);
  const result = await write(context, capitalErrors, "updateSplit", address, abi, "updateSplit", [
    checkSplitConfig(config),
  ]);
  return { ...result, splitHash: emitted(result, address, abi, "SplitUpdated").args.splitHash };
}
