import { zeroAddress, zeroHash, type Address, type Hex } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import type { MetadataReference } from "../graph/metadata.ts";
import { checkBytes32, checkOptionalAddress } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.createBounty, BountyBoard.BountyCreated, BountyBoard.BountyFunded] as const;

/** The parameters of {@link createBounty}. */
export type CreateBountyParameters = {
  /** The registry mission it funds (open or in progress). */
  readonly missionId: bigint;
  /**
   * The reward token; omit (or the zero address) for ETH. An ERC-20 bounty pulls `amount` from
   * the wallet account: approve the board (`addresses.bountyBoard`) for it first, with the
   * token's `approve`.
   */
  readonly token?: Address;
  /** The first deposit, in the token's smallest unit (wei for ETH, sent with the call). */
  readonly amount: bigint;
  /**
   * When submissions and awards close and refunds open, at most two years ahead, on the board's
   * clock: unix seconds until the board is first paused, then behind by the time it spent paused
   * (`governance.getPauseState({ module: "bountyBoard" })` reads it as `moduleTime`).
   */
  readonly deadline: bigint;
  /**
   * A credential submitters must hold: an attestation of `schema` by an issuer that sovereign
   * `trustedBy` (the mission's, or one recognizing it mutually) trusts; default: none.
   */
  readonly credential?: { readonly schema: Hex; readonly trustedBy: bigint };
} & MetadataReference;

/** What {@link createBounty} returns. */
export interface CreateBountyReturnType extends WriteResult {
  /** The new bounty's id, from its `BountyCreated` event. */
  readonly bountyId: bigint;
  /** What arrived and was credited to the wallet account's contribution (`BountyFunded`). */
  readonly credited: bigint;
}

/** What {@link createBounty} throws: an `AtlasError` (its documentation says which). */
export type CreateBountyErrorType = AtlasError;

/**
 * Creates a bounty on an open or in-progress mission, funded by the wallet account with
 * `amount` of `token` (ETH when omitted); anyone may, and only the mission's manager awards it.
 * @throws {AtlasInputError} for a `token` that is not an address or a credential schema that is
 * not 32 bytes; {AtlasContractError} e.g. `BountyMissionNotOpen`, `BountyDeadlineTooFar`,
 * `BountyFundingTooLarge`, `RegistryUnknownMission`, `ERC20InsufficientAllowance` (approve the board first);
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function createBounty(
  context: AtlasContext,
  parameters: CreateBountyParameters,
): Promise<CreateBountyReturnType> {
  const token = checkOptionalAddress("token", parameters.token);
  const credential = parameters.credential;
  const board = context.addresses.bountyBoard;
  const result = await simulateAndSend(context, BountyBoard.bountyBoardErrors, "createBounty", {
    address: board,
    abi,
    functionName: "createBounty",
    args: [
      {
        missionId: parameters.missionId,
        token,
        deadline: parameters.deadline,
        credentialTrustedBy: credential?.trustedBy ?? 0n,
        credentialSchema: credential === undefined ? zeroHash : checkBytes32("credential.schema", credential.schema),
        metadataURI: parameters.metadataURI,
        metadataHash: parameters.metadataHash,
      },
      parameters.amount,
    ],
    value: token === zeroAddress ? parameters.amount : 0n,
  });
  const { bountyId } = emitted(result, board, abi, "BountyCreated").args;
  const { amount } = emitted(result, board, abi, "BountyFunded").args;
  return { ...result, bountyId, credited: amount };
}
