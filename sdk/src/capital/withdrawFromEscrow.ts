import type { Address } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import { addressOrWallet } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkOptionalAddress } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.withdraw, MilestoneEscrow.Withdrawn] as const;

/** The parameters of {@link withdrawFromEscrow}. */
export interface WithdrawFromEscrowParameters {
  /** The token; omit (or the zero address) for ETH. */
  readonly token?: Address;
  /** Where to send it; default: the wallet account. */
  readonly to?: Address;
}

/** What {@link withdrawFromEscrow} returns. */
export interface WithdrawFromEscrowReturnType extends WriteResult {
  /** What was withdrawn. */
  readonly amount: bigint;
}

/** What {@link withdrawFromEscrow} throws: an `AtlasError` (its documentation says which). */
export type WithdrawFromEscrowErrorType = AtlasError;

/**
 * Withdraws what the escrow credited the wallet account in `token`: both sides' shares of a
 * ruling, and payouts or refunds whose push failed (`getEscrowWithdrawable` tells how much).
 * @throws {AtlasInputError} for a `token` or `to` that is not an address; {AtlasContractError}
 * e.g. `EscrowNothingToWithdraw`; {AtlasUserRejectedError}, {AtlasWrongChainError},
 * {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function withdrawFromEscrow(
  context: AtlasContext,
  { token, to }: WithdrawFromEscrowParameters = {},
): Promise<WithdrawFromEscrowReturnType> {
  const asset = checkOptionalAddress("token", token);
  const recipient = await addressOrWallet(
    context,
    MilestoneEscrow.milestoneEscrowErrors,
    "withdrawFromEscrow",
    "to",
    to,
  );
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "withdrawFromEscrow", {
    address: escrow,
    abi,
    functionName: "withdraw",
    args: [asset, recipient],
  });
  return { ...result, amount: emitted(result, escrow, abi, "Withdrawn").args.amount };
}
