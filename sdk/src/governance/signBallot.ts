import type { Address, Hex } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { connectedWallet } from "../write.ts";
import { VoteSupport } from "./castVote.ts";
import { accountAddress, readEip712Domain } from "./eip712.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.nonces] as const;

export interface SignBallotParameters {
  readonly proposalId: bigint;
  readonly support: VoteSupport;
  /** The voter's governor nonce; default: its current one, read from the governor. */
  readonly nonce?: bigint;
}

/** A signed ballot: what `castVoteBySig` (or any relayer) submits. */
export interface SignBallotReturnType {
  readonly proposalId: bigint;
  readonly support: VoteSupport;
  /** The account that signed, whose voting power counts. */
  readonly voter: Address;
  readonly nonce: bigint;
  /** The 65-byte EIP-712 signature. */
  readonly signature: Hex;
}

export type SignBallotErrorType = AtlasError;

/**
 * Signs, with the wallet account (local or JSON-RPC), an EIP-712 `Ballot(proposalId, support,
 * voter, nonce)` on the governor's domain (read from its `eip712Domain()`), so that another
 * account can submit the vote and pay the gas. Sends no transaction.
 * @throws {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function signBallot(
  context: AtlasContext,
  { proposalId, support, nonce }: SignBallotParameters,
): Promise<SignBallotReturnType> {
  const { wallet, account } = await connectedWallet(context, atlasGovernorErrors, "signBallot");
  const voter = accountAddress(account);
  try {
    const [domain, voterNonce] = await Promise.all([
      readEip712Domain(context, "governor"),
      nonce ??
        context.publicClient.readContract({
          address: context.addresses.governor,
          abi: atlasGovernorItems,
          functionName: "nonces",
          args: [voter],
        }),
    ]);
    const signature = await wallet.signTypedData({
      account,
      domain,
      types: {
        Ballot: [
          { name: "proposalId", type: "uint256" },
          { name: "support", type: "uint8" },
          { name: "voter", type: "address" },
          { name: "nonce", type: "uint256" },
        ],
      },
      primaryType: "Ballot",
      message: { proposalId, support: VoteSupport[support], voter, nonce: voterNonce },
    });
    return { proposalId, support, voter, nonce: voterNonce, signature };
  } catch (error) {
    throw decodeAtlasError(error, atlasGovernorErrors);
  }
}
