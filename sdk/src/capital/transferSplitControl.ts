import type { Address } from "viem";

import * as RevenueSplit from "../abi/RevenueSplit.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkAddress } from "../validate.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [RevenueSplit.transferControl] as const;

/** The parameters of {@link transferSplitControl}. */
export interface TransferSplitControlParameters {
  readonly split: Address;
  /** The new controller; the zero address makes the split immutable for good. */
  readonly newController: Address;
}

/** What {@link transferSplitControl} returns. */
export type TransferSplitControlReturnType = WriteResult;

/** What {@link transferSplitControl} throws: an `AtlasError` (its documentation says which). */
export type TransferSplitControlErrorType = AtlasError;

/**
 * Hands control of a split to `newController`, at once. Its controller only.
 * @throws {AtlasInputError} for an address parameter that is not one; {AtlasContractError} e.g.
 * `SplitNotController`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function transferSplitControl(
  context: AtlasContext,
  { split, newController }: TransferSplitControlParameters,
): Promise<TransferSplitControlReturnType> {
  return simulateAndSend(context, RevenueSplit.revenueSplitErrors, "transferSplitControl", {
    address: checkAddress("split", split),
    abi,
    functionName: "transferControl",
    args: [checkAddress("newController", newController)],
  });
}
