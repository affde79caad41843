import { zeroHash, type Address, type Hex } from "viem";

import * as BountyBoard from "../abi/BountyBoard.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";

import { BOUNTY_STATUSES, type BountyStatus } from "./enums.ts";

/** The ABI items this action uses. */
const abi = [BountyBoard.getBounty, BountyBoard.statusOf, BountyBoard.remainingOf] as const;

/** The parameters of {@link getBounty}. */
export interface GetBountyParameters {
  readonly bountyId: bigint;
}

/** A bounty as the board stores it, with its status and what it holds, all read at one block. */
export interface GetBountyReturnType {
  readonly bountyId: bigint;
  readonly status: BountyStatus;
  /** The reward token; the zero address for ETH. */
  readonly token: Address;
  readonly missionId: bigint;
  /** The mission's sovereign, where awards are recorded as contributions. */
  readonly sovereignId: bigint;
  /**
   * When submissions and awards close and refunds open, on the board's clock (unix seconds that
   * stand still while the board is paused: a pause extends the deadline by its length).
   */
  readonly deadline: bigint;
  /** The credential submitters must hold; `undefined` when none. */
  readonly credential: { readonly schema: Hex; readonly trustedBy: bigint } | undefined;
  readonly submissionCount: number;
  /** Total credited by deposits. */
  readonly funded: bigint;
  /** Total awarded to winners. */
  readonly awarded: bigint;
  /** Total refunded to funders. */
  readonly refunded: bigint;
  /** What the board holds for it: while open, what is left to award; afterwards, to refund. */
  readonly remaining: bigint;
  /** How many distinct accounts funded it. */
  readonly funderCount: number;
  /** How many of them reclaimed their refund. */
  readonly reclaimCount: number;
  /** Block the values were read at. */
  readonly blockNumber: bigint;
}

/** What {@link getBounty} throws: an `AtlasError` (its documentation says which). */
export type GetBountyErrorType = AtlasError;

/**
 * Reads a bounty, its status by name and what is left in it.
 * @throws {AtlasContractError} `BountyUnknown` for an unknown id; {AtlasNetworkError}.
 */
export async function getBounty(
  context: AtlasContext,
  { bountyId }: GetBountyParameters,
): Promise<GetBountyReturnType> {
  try {
    const client = context.publicClient;
    // Not cached: a read right after a write must see that write.
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const read = { address: context.addresses.bountyBoard, abi, blockNumber } as const;
    const [bounty, status, remaining] = await Promise.all([
      client.readContract({ ...read, functionName: "getBounty", args: [bountyId] }),
      client.readContract({ ...read, functionName: "statusOf", args: [bountyId] }),
      client.readContract({ ...read, functionName: "remainingOf", args: [bountyId] }),
    ]);
    return {
      bountyId,
      status: BOUNTY_STATUSES[status] ?? "none",
      token: bounty.token,
      missionId: bounty.missionId,
      sovereignId: bounty.sovereignId,
      deadline: bounty.deadline,
      credential:
        bounty.credentialSchema === zeroHash
          ? undefined
          : { schema: bounty.credentialSchema, trustedBy: bounty.credentialTrustedBy },
      submissionCount: bounty.submissionCount,
      funded: bounty.funded,
      awarded: bounty.awarded,
      refunded: bounty.refunded,
      remaining,
      funderCount: bounty.funderCount,
      reclaimCount: bounty.reclaimCount,
      blockNumber,
    };
  } catch (error) {
    throw decodeAtlasError(error, BountyBoard.bountyBoardErrors);
  }
}
