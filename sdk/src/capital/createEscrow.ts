import { zeroAddress, type Address } from "viem";

import * as MilestoneEscrow from "../abi/MilestoneEscrow.ts";
import { addressOrWallet } from "../call.ts";
import type { AtlasContext } from "../client.ts";
import { type AtlasError } from "../errors.ts";
import { checkAddress, checkOptionalAddress } from "../validate.ts";
import { emitted, simulateAndSend, type WriteResult } from "../write.ts";

import { MILESTONE_KINDS } from "./enums.ts";

/** The ABI items this action uses. */
const abi = [MilestoneEscrow.createEscrow, MilestoneEscrow.EscrowCreated] as const;

/**
 * One milestone of a new escrow. A lump milestone is paid at once when released and must be
 * submitted by its `deadline`; a streaming one vests linearly from `start` (at most an hour ago)
 * to `end` and the contributor claims it at any time. Times are on the escrow's clock: unix
 * seconds until the escrow is first paused, then behind by the time it spent paused
 * (`governance.getPauseState({ module: "escrow" })` reads it as `moduleTime`); a pause extends
 * every deadline, review window and stream by its length. Amounts are in the escrow's token.
 */
export type EscrowMilestoneTerms =
  | { readonly kind: "lump"; readonly amount: bigint; readonly deadline: bigint }
  | { readonly kind: "streaming"; readonly amount: bigint; readonly start: bigint; readonly end: bigint };

/** The parameters of {@link createEscrow}. */
export interface CreateEscrowParameters {
  /** The mission funded (draft, open or in progress). */
  readonly missionId: bigint;
  /**
   * Who pays and approves; default: the wallet account. A mission manager may create an escrow
   * for another funder, unfunded (`fund: false`); the funder funds it with `fundMilestone`.
   */
  readonly funder?: Address;
  /** Who is paid. */
  readonly contributor: Address;
  /**
   * The token paid; omit (or the zero address) for ETH. Funding an ERC-20 escrow pulls the sum
   * of its milestones from the funder: approve the escrow (`addresses.escrow`) first.
   */
  readonly token?: Address;
  /** Whose milestone verifications (EAS) release lump milestones; default: none. */
  readonly verifier?: Address;
  /** The arbiter of disputes, named now; default: one is drawn when a dispute opens. */
  readonly arbiter?: Address;
  /**
   * The funder's sovereign (the funder must be a member), to draw arbiters from a sovereign it
   * recognizes; default: none (only governance's fallback arbiters can then be drawn).
   */
  readonly funderSovereign?: bigint;
  /**
   * The contributor's sovereign (the contributor must be a member), likewise; also where its
   * payouts earn reputation, when the deal is the mission's own. Default: none (no reputation).
   */
  readonly contributorSovereign?: bigint;
  /** How long the funder reviews a submission before the contributor may release it, in seconds (1 hour to 90 days). */
  readonly reviewWindow: number;
  /** Whether the wallet account (the funder) funds every milestone now; default `true`. */
  readonly fund?: boolean;
  /** 1 to 32 milestones, in order (their index is their position). */
  readonly milestones: readonly EscrowMilestoneTerms[];
}

/** What {@link createEscrow} returns. */
export interface CreateEscrowReturnType extends WriteResult {
  /** The new escrow's id, from its `EscrowCreated` event. */
  readonly escrowId: bigint;
  /** The protocol fee in force for all its payouts, in basis points. */
  readonly feeBps: number;
}

/** What {@link createEscrow} throws: an `AtlasError` (its documentation says which). */
export type CreateEscrowErrorType = AtlasError;

/**
 * Creates a milestone escrow for a mission, and with `fund` (the default) pays the sum of its
 * milestones into it from the wallet account (ETH sent with the call). Created by a manager of the
 * mission for another funder, the deal is the mission's own (endorsed). The contributor accepts
 * the terms (`acceptEscrow`) before it submits work.
 * @throws {AtlasInputError} for an address parameter that is not one; {AtlasContractError} e.g.
 * `EscrowInvalidStream`, `EscrowStreamStartTooEarly`, `EscrowDeadlineInPast`,
 * `EscrowPartyNotInSovereign`, `EscrowFunderIsContributor`, `EscrowNotCreator`,
 * `RegistryUnknownMission`, `ERC20InsufficientAllowance` (approve the escrow first);
 * {AtlasUserRejectedError}, {AtlasWrongChainError}, {AtlasMissingWalletError}, {AtlasNetworkError}.
 */
export async function createEscrow(
  context: AtlasContext,
  parameters: CreateEscrowParameters,
): Promise<CreateEscrowReturnType> {
  const contributor = checkAddress("contributor", parameters.contributor);
  const token = checkOptionalAddress("token", parameters.token);
  const verifier = checkOptionalAddress("verifier", parameters.verifier);
  const arbiter = checkOptionalAddress("arbiter", parameters.arbiter);
  const funder = await addressOrWallet(
    context,
    MilestoneEscrow.milestoneEscrowErrors,
    "createEscrow",
    "funder",
    parameters.funder,
  );
  const fund = parameters.fund ?? true;
  const milestones = parameters.milestones.map((milestone) => ({
    amount: milestone.amount,
    kind: MILESTONE_KINDS.indexOf(milestone.kind),
    ...(milestone.kind === "lump"
      ? { deadline: Number(milestone.deadline), start: 0, end: 0 }
      : { deadline: 0, start: Number(milestone.start), end: Number(milestone.end) }),
  }));
  const total = parameters.milestones.reduce((sum, { amount }) => sum + amount, 0n);
  const escrow = context.addresses.escrow;
  const result = await simulateAndSend(context, MilestoneEscrow.milestoneEscrowErrors, "createEscrow", {
    address: escrow,
    abi,
    functionName: "createEscrow",
    args: [
      {
        missionId: parameters.missionId,
        funder,
        contributor,
        token,
        verifier,
        arbiter,
        funderSovereign: parameters.funderSovereign ?? 0n,
        contributorSovereign: parameters.contributorSovereign ?? 0n,
        reviewWindow: parameters.reviewWindow,
        fund,
      },
      milestones,
    ],
    value: fund && token === zeroAddress ? total : 0n,
  });
  const { args } = emitted(result, escrow, abi, "EscrowCreated");
  return { ...result, escrowId: args.escrowId, feeBps: args.feeBps };
}
