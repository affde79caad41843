import { parseSignature, type Address, type Hex } from "viem";

import { atlasTokenErrors } from "../abi/AtlasToken.ts";
import * as AtlasToken from "../abi/AtlasToken.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { connectedWallet } from "../write.ts";
import { accountAddress, readEip712Domain } from "./eip712.ts";

/** The items of `AtlasToken`'s ABI this action uses. */
const atlasTokenItems = [AtlasToken.nonces] as const;

export interface SignDelegationParameters {
  /** The account to vote through. */
  readonly delegatee: Address;
  /** Timestamp after which the signature is void (compare with the chain's time, not the browser's). */
  readonly expiry: bigint;
  /** The signer's token nonce; default: its current one, read from the token. */
  readonly nonce?: bigint;
}

/** A signed ERC-5805 delegation: what `delegateBySig` (or any relayer) submits. */
export interface SignDelegationReturnType {
  readonly delegatee: Address;
  readonly nonce: bigint;
  readonly expiry: bigint;
  /** The account that signed, whose voting power moves. */
  readonly signer: Address;
  /** The 65-byte signature. */
  readonly signature: Hex;
  /** The signature split as `delegateBySig(delegatee, nonce, expiry, v, r, s)` takes it. */
  readonly v: number;
  readonly r: Hex;
  readonly s: Hex;
}

export type SignDelegationErrorType = AtlasError;

/**
 * Signs, with the wallet account (local or JSON-RPC), an EIP-712 `Delegation(delegatee, nonce,
 * expiry)` on the token's domain (read from its `eip712Domain()`), so that another account can
 * submit it and pay the gas. Sends no transaction.
 * @throws {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function signDelegation(
  context: AtlasContext,
  { delegatee, expiry, nonce }: SignDelegationParameters,
): Promise<SignDelegationReturnType> {
  const { wallet, account } = await connectedWallet(context, atlasTokenErrors, "signDelegation");
  const signer = accountAddress(account);
  try {
    const [domain, signerNonce] = await Promise.all([
      readEip712Domain(context, "token"),
      nonce ??
        context.publicClient.readContract({
          address: context.addresses.token,
          abi: atlasTokenItems,
          functionName: "nonces",
          args: [signer],
        }),
    ]);
    const signature = await wallet.signTypedData({
      account,
      domain,
      types: {
        Delegation: [
          { name: "delegatee", type: "address" },
          { name: "nonce", type: "uint256" },
          { name: "expiry", type: "uint256" },
        ],
      },
      primaryType: "Delegation",
      message: { delegatee, nonce: signerNonce, expiry },
    });
    const { r, s, v, yParity } = parseSignature(signature);
    return {
      delegatee,
      nonce: signerNonce,
      expiry,
      signer,
      signature,
      v: v === undefined ? yParity + 27 : Number(v),
      r,
      s,
    };
  } catch (error) {
    throw decodeAtlasError(error, atlasTokenErrors);
  }
}
