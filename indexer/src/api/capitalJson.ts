/**
 * The JSON of the capital routes: ids and amounts as decimal strings, addresses checksummed
 * (the zero address is ETH where a token is meant), hashes lower-case hex, enums by name (lower
 * camel case, as the SDK names the graph's), absent things (no dispute, no credential) as null.
 */
import type {
  bounty,
  bountyAward,
  bountyFunding,
  bountySubmission,
  dispute,
  disputeAppeal,
  disputeEvidence,
  disputeRound,
  earning,
  escrow,
  milestone,
  milestonePayment,
  pendingWithdrawal,
  split,
  splitDistribution,
  splitPayout,
  streamClaim,
  withdrawalEvent,
} from "ponder:schema";
import {
  DISPUTE_STATUSES,
  MILESTONE_KINDS,
  MILESTONE_STATES,
  RELEASE_REASONS,
  type BountyStatus,
  type MilestoneKind,
  type MilestoneState,
  type ReleaseReason,
} from "@atlas-os/sdk";
import { getAddress, zeroHash, type Address, type Hex } from "viem";

import { bountyStatus, finalizableAt, streamProgress, type PauseState } from "./capitalTime.ts";

/** The capital contracts' enums by name, as the SDK's `capital` module names them. */
export { MILESTONE_STATES };

const decimal = (value: bigint | null): string | null => (value === null ? null : value.toString());
const address = (value: Hex): Address => getAddress(value);
const optionalAddress = (value: Hex | null): Address | null => (value === null ? null : getAddress(value));
const nameOf = <T extends readonly string[]>(names: T, value: number): T[number] => names[value] ?? names[0]!;

/** Where an event happened, as every list item of these routes says it. */
interface EventJson {
  readonly blockNumber: string;
  readonly timestamp: string;
  readonly transactionHash: Hex;
  readonly logIndex: number;
}

const eventJson = (row: {
  blockNumber: bigint;
  timestamp: bigint;
  transactionHash: Hex;
  logIndex: number;
}): EventJson => ({
  blockNumber: row.blockNumber.toString(),
  timestamp: row.timestamp.toString(),
  transactionHash: row.transactionHash,
  logIndex: row.logIndex,
});

/* BOUNTIES */

export interface BountyJson {
  readonly id: string;
  readonly missionId: string;
  readonly sovereignId: string;
  readonly creator: Address;
  readonly token: Address;
  /** On the board's clock. */
  readonly deadline: string;
  /** `statusOf` at the answer's block (the board's clock, `moduleTime`). */
  readonly status: Exclude<BountyStatus, "none">;
  /** The credential submitters must hold, or null. */
  readonly credential: { readonly schema: Hex; readonly trustedBy: string } | null;
  readonly metadataURI: string;
  readonly metadataHash: Hex;
  readonly funded: string;
  readonly awarded: string;
  readonly refunded: string;
  /** `remainingOf`: funded - awarded - refunded. */
  readonly remaining: string;
  readonly funderCount: number;
  readonly submissionCount: number;
  readonly winnerCount: number;
  readonly cancelledBy: Address | null;
  readonly cancelledBlock: string | null;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
  readonly createdTransaction: Hex;
}

/** A bounty at the board's clock `time`. */
export function bountyJson(row: typeof bounty.$inferSelect, time: bigint): BountyJson {
  return {
    id: row.id.toString(),
    missionId: row.missionId.toString(),
    sovereignId: row.sovereignId.toString(),
    creator: address(row.creator),
    token: address(row.token),
    deadline: row.deadline.toString(),
    status: bountyStatus(row, time),
    credential:
      row.credentialSchema === zeroHash
        ? null
        : { schema: row.credentialSchema, trustedBy: row.credentialTrustedBy.toString() },
    metadataURI: row.metadataUri,
    metadataHash: row.metadataHash,
    funded: row.funded.toString(),
    awarded: row.awarded.toString(),
    refunded: row.refunded.toString(),
    remaining: row.remaining.toString(),
    funderCount: row.funderCount,
    submissionCount: row.submissionCount,
    winnerCount: row.winnerCount,
    cancelledBy: optionalAddress(row.cancelledBy),
    cancelledBlock: decimal(row.cancelledBlock),
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
    createdTransaction: row.createdTransaction,
  };
}

/** A funder of a bounty; `refundable` is what `refundOf` says (0 while the bounty is open or once reclaimed). */
export function bountyFundingJson(row: typeof bountyFunding.$inferSelect, refundable: bigint) {
  return {
    funder: address(row.funder),
    contribution: row.contribution.toString(),
    depositCount: row.depositCount,
    reclaimed: row.reclaimed,
    refundable: refundable.toString(),
    refund: decimal(row.refund),
    refundedTo: optionalAddress(row.refundedTo),
    reclaimedBlock: decimal(row.reclaimedBlock),
    reclaimedTransaction: row.reclaimedTransaction,
  };
}

export function bountySubmissionJson(row: typeof bountySubmission.$inferSelect) {
  return {
    contributor: address(row.contributor),
    evidenceURI: row.evidenceUri,
    contentHash: row.contentHash,
    credentialUID: row.credentialUid === zeroHash ? null : row.credentialUid,
    awarded: row.awarded.toString(),
    blockNumber: row.blockNumber.toString(),
    timestamp: row.timestamp.toString(),
    transactionHash: row.transactionHash,
  };
}

export function bountyAwardJson(row: typeof bountyAward.$inferSelect) {
  return {
    winner: address(row.winner),
    by: address(row.by),
    token: address(row.token),
    amount: row.amount.toString(),
    remaining: row.remaining.toString(),
    deferred: row.deferred,
    recorded: row.recorded,
    ...eventJson(row),
  };
}

/* ESCROWS */

export interface EscrowJson {
  readonly id: string;
  readonly missionId: string;
  readonly funder: Address;
  readonly contributor: Address;
  readonly token: Address;
  readonly verifier: Address | null;
  readonly arbiter: Address | null;
  readonly funderSovereign: string | null;
  readonly contributorSovereign: string | null;
  readonly reviewWindow: number;
  readonly feeBps: number;
  readonly milestoneCount: number;
  readonly creator: Address;
  /** The mission's own deal: created by a mission manager for another funder, or endorsed by one. */
  readonly endorsed: boolean;
  readonly endorsedBy: Address | null;
  /** The contributor accepted the terms (it may submit work). */
  readonly accepted: boolean;
  /** Milestones funded. */
  readonly funded: string;
  /** Paid to the contributor, gross of the protocol fee. */
  readonly released: string;
  /** The protocol's part of `released`. */
  readonly fees: string;
  /** Back to the funder (reclaims, rulings). */
  readonly refunded: string;
  /** Held for the escrow: funded - released - refunded. */
  readonly remaining: string;
  readonly createdBlock: string;
  readonly createdTimestamp: string;
  readonly createdTransaction: Hex;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const optionalNonZeroAddress = (value: Hex): Address | null => (value === ZERO_ADDRESS ? null : getAddress(value));
const optionalId = (value: bigint | null): string | null => (value === null || value === 0n ? null : value.toString());

export function escrowJson(row: typeof escrow.$inferSelect): EscrowJson {
  return {
    id: row.id.toString(),
    missionId: row.missionId.toString(),
    funder: address(row.funder),
    contributor: address(row.contributor),
    token: address(row.token),
    verifier: optionalNonZeroAddress(row.verifier),
    arbiter: optionalNonZeroAddress(row.arbiter),
    funderSovereign: optionalId(row.funderSovereign),
    contributorSovereign: optionalId(row.contributorSovereign),
    reviewWindow: row.reviewWindow,
    feeBps: row.feeBps,
    milestoneCount: row.milestoneCount,
    creator: address(row.creator),
    endorsed: row.endorsed,
    endorsedBy: optionalAddress(row.endorsedBy),
    accepted: row.accepted,
    funded: row.funded.toString(),
    released: row.released.toString(),
    fees: row.fees.toString(),
    refunded: row.refunded.toString(),
    remaining: (row.funded - row.released - row.refunded).toString(),
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
    createdTransaction: row.createdTransaction,
  };
}

export interface MilestoneJson {
  readonly escrowId: string;
  readonly index: number;
  readonly kind: MilestoneKind;
  readonly amount: string;
  readonly state: MilestoneState;
  /** Lump: the last moment to submit; null for a stream. */
  readonly deadline: string | null;
  /** Streaming: the vesting schedule; null for a lump. */
  readonly start: string | null;
  readonly end: string | null;
  /** Paid to the contributor so far, gross of fee (`getMilestone().released`). */
  readonly released: string;
  readonly fees: string;
  readonly refunded: string;
  readonly fundedBlock: string | null;
  /** A lump's submission, or a stream's cancellation by its funder ("0" until then; the escrow's clock). */
  readonly submittedAt: string;
  readonly evidenceURI: string | null;
  readonly evidenceHash: Hex | null;
  /** The funder's review of a lump, or the contributor's right to dispute a cancelled stream, ends then. */
  readonly reviewEndsAt: string | null;
  /** A stream ended early (StreamCancelled): by whom, what had vested (gross), the unvested rest. */
  readonly cancellation: {
    readonly by: Address;
    readonly vested: string;
    readonly rest: string;
    readonly blockNumber: string;
    readonly transactionHash: Hex;
  } | null;
  readonly release: {
    readonly reason: ReleaseReason;
    readonly by: Address;
    readonly attestationUID: Hex | null;
  } | null;
  readonly disputeId: string | null;
  readonly disputedByFunder: boolean;
  /** The final ruling's share to the claimant, in millionths, once resolved. */
  readonly shareToClaimant: string | null;
  /** Payouts the ledger refused to record (the money moved all the same). */
  readonly unrecorded: string;
  /** A stream's progress at the answer's `timestamp`; null for a lump. */
  readonly stream: { readonly vested: string; readonly claimed: string; readonly claimable: string } | null;
}

/** A milestone at the escrow's clock `time`. */
export function milestoneJson(row: typeof milestone.$inferSelect, time: bigint): MilestoneJson {
  const lump = row.kind === 0;
  const progress = lump ? null : streamProgress(row, time);
  return {
    escrowId: row.escrowId.toString(),
    index: row.index,
    kind: nameOf(MILESTONE_KINDS, row.kind),
    amount: row.amount.toString(),
    state: nameOf(MILESTONE_STATES, row.state),
    deadline: lump ? row.deadline.toString() : null,
    start: lump ? null : row.start.toString(),
    end: lump ? null : row.end.toString(),
    released: row.released.toString(),
    fees: row.fees.toString(),
    refunded: row.refunded.toString(),
    fundedBlock: decimal(row.fundedBlock),
    submittedAt: row.submittedAt.toString(),
    evidenceURI: row.evidenceUri,
    evidenceHash: row.evidenceHash,
    reviewEndsAt: decimal(row.reviewEndsAt),
    cancellation:
      row.cancelledBy === null ||
      row.cancelledVested === null ||
      row.cancelledRest === null ||
      row.cancelledBlock === null ||
      row.cancelledTransaction === null
        ? null
        : {
            by: address(row.cancelledBy),
            vested: row.cancelledVested.toString(),
            rest: row.cancelledRest.toString(),
            blockNumber: row.cancelledBlock.toString(),
            transactionHash: row.cancelledTransaction,
          },
    release:
      row.releaseReason === null || row.releasedBy === null
        ? null
        : {
            reason: nameOf(RELEASE_REASONS, row.releaseReason),
            by: address(row.releasedBy),
            attestationUID: row.attestationUid === null || row.attestationUid === zeroHash ? null : row.attestationUid,
          },
    disputeId: optionalId(row.disputeId),
    disputedByFunder: row.disputedByFunder,
    shareToClaimant: decimal(row.shareToClaimant),
    unrecorded: row.unrecorded.toString(),
    stream:
      progress === null
        ? null
        : {
            vested: progress.vested.toString(),
            claimed: progress.claimed.toString(),
            claimable: progress.claimable.toString(),
          },
  };
}

export function streamClaimJson(row: typeof streamClaim.$inferSelect) {
  return {
    index: row.index,
    contributor: address(row.contributor),
    amount: row.amount.toString(),
    fee: row.fee.toString(),
    claimedTotal: row.claimedTotal.toString(),
    ...eventJson(row),
  };
}

export function milestonePaymentJson(row: typeof milestonePayment.$inferSelect) {
  return {
    index: row.index,
    kind: row.kind as "release" | "cancellation" | "reclaim" | "ruling",
    by: optionalAddress(row.by),
    toContributor: row.toContributor.toString(),
    fee: row.fee.toString(),
    toFunder: row.toFunder.toString(),
    disputeId: decimal(row.disputeId),
    ...eventJson(row),
  };
}

/* DISPUTES */

/** The parties of a dispute, to name who did what. */
type Parties = Pick<typeof dispute.$inferSelect, "claimant" | "respondent">;

/** Who an account is in a dispute: "claimant", "respondent" or "other" (IArbitration.Drawer). */
function partyOf(parties: Parties, account: Hex): "claimant" | "respondent" | "other" {
  const key = account.toLowerCase();
  if (key === parties.claimant.toLowerCase()) return "claimant";
  if (key === parties.respondent.toLowerCase()) return "respondent";
  return "other";
}

/** Bits of `appellants`, in the contract's order. */
const APPELLANT_BITS = [
  [1, "claimant"],
  [2, "respondent"],
] as const;

export function disputeJson(row: typeof dispute.$inferSelect, rounds: readonly (typeof disputeRound.$inferSelect)[]) {
  const finalized = row.finalShare !== null && row.decidingRound !== null;
  const ready = finalizableAt(row, rounds);
  return {
    id: row.id.toString(),
    arbitrable: address(row.arbitrable),
    status: nameOf(DISPUTE_STATUSES, row.status),
    round: row.round,
    claimant: address(row.claimant),
    respondent: address(row.respondent),
    claimantSovereign: optionalId(row.claimantSovereign),
    respondentSovereign: optionalId(row.respondentSovereign),
    token: address(row.token),
    amount: row.amount.toString(),
    openedAt: row.openedAt.toString(),
    appealWindow: row.appealWindow.toString(),
    rulingPeriod: row.rulingPeriod.toString(),
    appealedAt: row.appealedAt.toString(),
    lastAppealAt: row.lastAppealAt.toString(),
    /** The mover of round 2. */
    appellant: optionalAddress(row.appellant),
    /** The parties who appealed. */
    appellants: APPELLANT_BITS.filter(([bit]) => (row.appellants & bit) !== 0).map(([, party]) => address(row[party])),
    drawnByMover: row.drawnByMover,
    appealLapsesAt: decimal(row.appealLapsesAt),
    finalizableAt: decimal(ready),
    final: finalized
      ? {
          shareToClaimant: row.finalShare!.toString(),
          decidingRound: row.decidingRound!,
          blockNumber: decimal(row.finalizedBlock),
          transactionHash: row.finalizedTransaction,
        }
      : null,
    escrowId: decimal(row.escrowId),
    milestoneIndex: row.milestoneIndex,
    openedBlock: row.openedBlock.toString(),
    openedTransaction: row.openedTransaction,
  };
}

export function disputeRoundJson(parties: Parties, row: typeof disputeRound.$inferSelect) {
  return {
    round: row.round,
    arbiter: address(row.arbiter),
    sovereignId: optionalId(row.sovereignId),
    fallbackArbiter: row.fallbackArbiter,
    assignedAt: row.assignedAt.toString(),
    assignedBy: address(row.assignedBy),
    /** Who drew the arbiter: a party, or "other" (the arbitrable naming it, a keeper). */
    drawnBy: partyOf(parties, row.assignedBy),
    ruled: row.ruled,
    shareToClaimant: row.ruled ? row.shareToClaimant.toString() : null,
    ruledAt: row.ruled ? row.ruledAt.toString() : null,
    /** Round 1 once ruled: until when a party may appeal. */
    appealDeadline:
      row.ruled && row.appealDeadline !== null && row.appealDeadline !== 0n ? row.appealDeadline.toString() : null,
  };
}

export function disputeAppealJson(row: typeof disputeAppeal.$inferSelect) {
  return {
    appellant: address(row.appellant),
    mover: address(row.mover),
    lapsesAt: row.lapsesAt.toString(),
    ...eventJson(row),
  };
}

export function disputeEvidenceJson(row: typeof disputeEvidence.$inferSelect) {
  return { party: address(row.party), uri: row.uri, hash: row.hash, ...eventJson(row) };
}

/* MODULES */

/** A module's `pauseState()` and `paused()` at the answer's block. */
export function pauseStateJson(state: PauseState) {
  return {
    paused: state.paused,
    pauseEndsAt: state.pauseEndsAt.toString(),
    guardianReadyAt: state.guardianReadyAt.toString(),
    maxPauseDuration: state.maxPauseDuration.toString(),
    pausedDuration: state.pausedDuration.toString(),
    moduleTime: state.moduleTime.toString(),
  };
}

/* SPLITS */

export function splitJson(row: typeof split.$inferSelect) {
  return {
    address: address(row.address),
    controller: optionalNonZeroAddress(row.controller),
    creator: address(row.creator),
    splitHash: row.splitHash,
    distributorFee: row.distributorFee,
    salt: row.salt,
    distributionCount: row.distributionCount,
    createdBlock: row.createdBlock.toString(),
    createdTimestamp: row.createdTimestamp.toString(),
    createdTransaction: row.createdTransaction,
  };
}

export function splitDistributionJson(
  row: typeof splitDistribution.$inferSelect,
  payouts: readonly (typeof splitPayout.$inferSelect)[],
) {
  return {
    token: address(row.token),
    distributor: address(row.distributor),
    splitHash: row.splitHash,
    amount: row.amount.toString(),
    distributorReward: row.distributorReward.toString(),
    dust: row.dust.toString(),
    ...eventJson(row),
    payouts: payouts.map((payout) => ({
      account: address(payout.account),
      role: payout.role as "recipient" | "distributor",
      amount: payout.amount.toString(),
      deferred: payout.deferred,
    })),
  };
}

/* WITHDRAWALS AND EARNINGS */

/** What a module owes an account (in an account's answer: the account is implied). */
export function pendingWithdrawalJson(row: typeof pendingWithdrawal.$inferSelect) {
  return {
    module: address(row.module),
    moduleKind: row.moduleKind as "bounty" | "escrow" | "split",
    token: address(row.token),
    amount: row.amount.toString(),
  };
}

export function withdrawalEventJson(row: typeof withdrawalEvent.$inferSelect) {
  return {
    kind: row.kind as "credit" | "withdrawal",
    account: address(row.account),
    token: address(row.token),
    amount: row.amount.toString(),
    to: optionalAddress(row.to),
    ...eventJson(row),
  };
}

/** Where an earning came from (see the `earning` table). */
export const EARNING_SOURCES = ["bounty", "milestone", "stream", "ruling", "split", "distributor"] as const;

export function earningJson(row: typeof earning.$inferSelect) {
  return {
    sourceKind: row.sourceKind as (typeof EARNING_SOURCES)[number],
    // A split's address is checksummed like every address; the other ids are decimal.
    sourceId: row.sourceId.startsWith("0x") ? getAddress(row.sourceId) : row.sourceId,
    module: address(row.module),
    token: address(row.token),
    amount: row.amount.toString(),
    ...eventJson(row),
  };
}
