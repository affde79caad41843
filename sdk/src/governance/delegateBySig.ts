import { isAddressEqual, parseEventLogs, parseSignature, type Address, type Hex } from "viem";

import { atlasTokenErrors } from "../abi/AtlasToken.ts";
import * as AtlasToken from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { AtlasError, decodeAtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The items of `AtlasToken`'s ABI this action uses. */
const atlasTokenItems = [AtlasToken.DelegateChanged, AtlasToken.delegateBySig] as const;

/** A signed delegation, e.g. the result of `signDelegation`. */
export interface DelegateBySigParameters {
  readonly delegatee: Address;
  readonly nonce: bigint;
  readonly expiry: bigint;
  /** The signer's 65-byte EIP-712 signature. */
  readonly signature: Hex;
}

export interface DelegateBySigReturnType extends WriteResult {
  /** From the `DelegateChanged` event: the signer, and its previous and new delegate. */
  readonly delegator: Address;
  readonly fromDelegate: Address;
  readonly toDelegate: Address;
}

export type DelegateBySigErrorType = AtlasError;

/**
 * Submits a signed delegation from the wallet account, which pays the gas; the signer's voting
 * power moves.
 * @throws {AtlasContractError} `InvalidAccountNonce` (reused or out-of-order signature),
 * `VotesExpiredSignature`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function delegateBySig(
  context: AtlasContext,
  { delegatee, nonce, expiry, signature }: DelegateBySigParameters,
): Promise<DelegateBySigReturnType> {
  const token = context.addresses.token;
  let split: { v: number; r: Hex; s: Hex };
  try {
    const { r, s, v, yParity } = parseSignature(signature);
    split = { v: v === undefined ? yParity + 27 : Number(v), r, s };
  } catch (error) {
    throw decodeAtlasError(error, atlasTokenErrors);
  }
  const { hash, receipt } = await simulateAndSend(context, atlasTokenErrors, "delegateBySig", {
    address: token,
    abi: atlasTokenItems,
    functionName: "delegateBySig",
    args: [delegatee, nonce, expiry, split.v, split.r, split.s],
  });
  const [changed] = parseEventLogs({
    abi: atlasTokenItems,
    eventName: "DelegateChanged",
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, token)),
  });
  if (changed === undefined) throw new AtlasError(`Transaction ${hash} emitted no DelegateChanged event.`);
  return { hash, receipt, ...changed.args };
}
