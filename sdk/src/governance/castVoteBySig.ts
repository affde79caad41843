import { isAddressEqual, parseEventLogs, type Address, type Hex } from "viem";

import { atlasGovernorErrors } from "../abi/AtlasGovernor.ts";
import * as AtlasGovernor from "../abi/AtlasGovernor.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";
import { VoteSupport } from "./castVote.ts";

/** The items of `AtlasGovernor`'s ABI this action uses. */
const atlasGovernorItems = [AtlasGovernor.VoteCast, AtlasGovernor.castVoteBySig] as const;

/** A signed ballot, e.g. the result of `signBallot`. */
export interface CastVoteBySigParameters {
  readonly proposalId: bigint;
  readonly support: VoteSupport;
  /** The account that signed. */
  readonly voter: Address;
  /** The voter's 65-byte EIP-712 signature (an ERC-1271 signature for a contract voter). */
  readonly signature: Hex;
}

export interface CastVoteBySigReturnType extends WriteResult {
  /** Voting power counted, from the voter's `VoteCast` event. */
  readonly weight: bigint;
}

export type CastVoteBySigErrorType = AtlasError;

/**
 * Submits a signed ballot from the wallet account, which pays the gas; the vote counts for the
 * signer.
 * @throws {AtlasContractError} `GovernorInvalidSignature` (reused, or signed for other data or by
 * another account), `GovernorAlreadyCastVote`, `GovernorUnexpectedProposalState`,
 * `AtlasGovernorZeroVotingPower`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function castVoteBySig(
  context: AtlasContext,
  { proposalId, support, voter, signature }: CastVoteBySigParameters,
): Promise<CastVoteBySigReturnType> {
  const governor = context.addresses.governor;
  const { hash, receipt } = await simulateAndSend(context, atlasGovernorErrors, "castVoteBySig", {
    address: governor,
    abi: atlasGovernorItems,
    functionName: "castVoteBySig",
    args: [proposalId, VoteSupport[support], voter, signature],
  });
  const [vote] = parseEventLogs({
    abi: atlasGovernorItems,
    eventName: "VoteCast",
    args: { voter },
    logs: receipt.logs.filter((log) => isAddressEqual(log.address, governor)),
  });
  return { hash, receipt, weight: vote?.args.weight ?? 0n };
}
