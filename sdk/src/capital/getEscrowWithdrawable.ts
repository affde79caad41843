import type { Address } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import type { AtlasContext } from "../client.ts";
import { decodeAtlasError, type AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.pendingWithdrawal] as const;

/** The parameters of {@link getEscrowWithdrawable}. */
export interface GetEscrowWithdrawableParameters {
  readonly account: Address;
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
}

/** What the escrow credited `account` in the token. */
export type GetEscrowWithdrawableReturnType = bigint;

/** What {@link getEscrowWithdrawable} throws: an `AtlasError` (its documentation says which). */
export type GetEscrowWithdrawableErrorType = AtlasError;

/**
 * Reads what an account may withdraw from the escrow with `withdrawFromEscrow`: its shares of
 * rulings, and payouts or refunds whose push failed.
 * @throws {AtlasInputError} for an `account` or `token` that is not an address; {AtlasNetworkError}.
 */
export async function getEscrowWithdrawable(
  context: AtlasContext,
  { account, token }: GetEscrowWithdrawableParameters,
): Promise<GetEscrowWithdrawableReturnType> {
  const args = [checkAddress("account", account), checkOptionalAddress("token", token)] as const;
  try {
    return await context.publicClient.readContract({
      address: context.addresses.escrow,
      abi,
      functionName: "pendingWithdrawal",
      args,
    });
  } catch (error) {
    throw decodeAtlasError(error, MilestoneEscrow.milestoneEscrowErrors);
  }
}
