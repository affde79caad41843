import { zeroAddress } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import { read } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { simulateAndSend, type WriteResult } from "../write.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.getEscrow, MilestoneEscrow.getMilestone, MilestoneEscrow.fundMilestone] as const;

/** The parameters of {@link fundMilestone}. */
export interface FundMilestoneParameters {
  readonly escrowId: bigint;
  /** The milestone's index (from 0). */
  readonly index: bigint;
}

/** What {@link fundMilestone} returns. */
export interface FundMilestoneReturnType extends WriteResult {
  /** What was paid in: the milestone's amount. */
  readonly amount: bigint;
}

/** What {@link fundMilestone} throws: an `AtlasError` (its documentation says which). */
export type FundMilestoneErrorType = AtlasError;

/**
 * Funds one milestone of an escrow with its amount, from the wallet account (the funder): ETH
 * sent with the call (the SDK reads the escrow's token and the amount first), or an ERC-20 pulled
 * from it (approve the escrow, `addresses.escrow`, first). A lump milestone before its deadline.
 * @throws {AtlasContractError} e.g. `EscrowOnlyFunder`, `EscrowMilestoneAlreadyFunded`,
 * `EscrowDeadlinePassed`, `EscrowUnknownMilestone`; {AtlasUserRejectedError},
 * {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function fundMilestone(
  context: AtlasContext,
  { escrowId, index }: FundMilestoneParameters,
): Promise<FundMilestoneReturnType> {
  const escrow = context.addresses.escrow;
  const [{ token }, { amount }] = await read(MilestoneEscrow.milestoneEscrowErrors, () =>
    Promise.all([
      context.publicClient.readContract({ address: escrow, abi, functionName: "getEscrow", args: [escrowId] }),
      context.publicClient.readContract({
        address: escrow,
        abi,
        functionName: "getMilestone",
        args: [escrowId, index],
      }),
    ]),
  );
  const value = token === zeroAddress ? amount : 0n;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "fundMilestone", {
    address: escrow,
    abi,
    functionName: "fundMilestone",
    args: [escrowId, index],
    value,
  });
  return { ...result, amount };
}
