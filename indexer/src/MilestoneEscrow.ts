/**
 * MilestoneEscrow handlers: escrows (their endorsement as the mission's own deal, the
 * contributor's acceptance), their milestones (funding, submission, release, stream claims,
 * streams ended early, reclaims, disputes and rulings), withdrawal credits and withdrawals. Each
 * payout to the contributor (a release, a claim, a cancelled stream's vested part, a ruling's
 * share) is an earning of its contributor. Milestone times are on the escrow's clock, as the
 * events give them.
 */
import { ponder, type Context } from "ponder:registry";
import { dispute, escrow, milestone, milestonePayment, streamClaim } from "ponder:schema";
import { isAddressEqual, type Address } from "viem";

import { eventRef, type EventRef } from "./eventRef.ts";
import { changePendingWithdrawal, milestoneRef, recordEarning } from "./payouts.ts";

type Db = Context["db"];
type EscrowRow = typeof escrow.$inferSelect;
type MilestoneRow = typeof milestone.$inferSelect;

/** IMilestoneEscrow.MilestoneState. */
const State = {
  Unfunded: 0,
  Funded: 1,
  Submitted: 2,
  Released: 3,
  Disputed: 4,
  Resolved: 5,
  Reclaimed: 6,
  Cancelled: 7,
} as const;

/** Applies `change` to a milestone; a milestone never seen (impossible: MilestoneAdded comes first) is left alone. */
async function changeMilestone(
  db: Db,
  escrowId: bigint,
  index: bigint,
  change: (row: MilestoneRow) => Partial<MilestoneRow>,
): Promise<void> {
  const key = { escrowId, index: Number(index) };
  if ((await db.find(milestone, key)) === null) return;
  await db.update(milestone, key).set(change);
}

/** Applies `change` to an escrow's totals and returns the escrow as it was (null if never seen). */
async function changeEscrow(
  db: Db,
  escrowId: bigint,
  change: (row: EscrowRow) => Partial<EscrowRow>,
): Promise<EscrowRow | null> {
  const row = await db.find(escrow, { id: escrowId });
  if (row !== null) await db.update(escrow, { id: escrowId }).set(change);
  return row;
}

async function recordPayment(
  db: Db,
  ref: EventRef,
  payment: Omit<
    typeof milestonePayment.$inferInsert,
    "id" | "blockNumber" | "timestamp" | "transactionHash" | "logIndex"
  >,
): Promise<void> {
  await db.insert(milestonePayment).values({
    id: ref.id,
    ...payment,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
}

/* ESCROWS AND MILESTONES */

ponder.on("MilestoneEscrow:EscrowCreated", async ({ event, context }) => {
  const { args } = event;
  // MilestoneAdded follows for each milestone, in the same transaction.
  await context.db.insert(escrow).values({
    id: args.escrowId,
    missionId: args.missionId,
    funder: args.funder,
    contributor: args.contributor,
    token: args.token,
    verifier: args.verifier,
    arbiter: args.arbiter,
    funderSovereign: args.funderSovereign,
    contributorSovereign: args.contributorSovereign,
    reviewWindow: args.reviewWindow,
    feeBps: args.feeBps,
    milestoneCount: args.milestoneCount,
    creator: args.creator,
    // A mission manager creating the deal for another funder makes it the mission's own; a
    // contributor creating it (as such a manager) has accepted its terms.
    endorsed: !isAddressEqual(args.creator, args.funder),
    endorsedBy: isAddressEqual(args.creator, args.funder) ? null : args.creator,
    endorsedBlock: isAddressEqual(args.creator, args.funder) ? null : event.block.number,
    accepted: isAddressEqual(args.creator, args.contributor),
    acceptedBlock: isAddressEqual(args.creator, args.contributor) ? event.block.number : null,
    acceptedTransaction: isAddressEqual(args.creator, args.contributor) ? event.transaction.hash : null,
    funded: 0n,
    released: 0n,
    fees: 0n,
    refunded: 0n,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

ponder.on("MilestoneEscrow:MilestoneAdded", async ({ event, context }) => {
  const { escrowId, index, kind, amount, deadline, start, end, funded } = event.args;
  await context.db.insert(milestone).values({
    escrowId,
    index: Number(index),
    kind,
    amount,
    state: funded ? State.Funded : State.Unfunded,
    deadline: BigInt(deadline),
    start: BigInt(start),
    end: BigInt(end),
    released: 0n,
    fees: 0n,
    fundedBlock: funded ? event.block.number : null,
    submittedAt: 0n,
    evidenceUri: null,
    evidenceHash: null,
    reviewEndsAt: null,
    cancelledBy: null,
    cancelledVested: null,
    cancelledRest: null,
    cancelledBlock: null,
    cancelledTransaction: null,
    releaseReason: null,
    releasedBy: null,
    attestationUid: null,
    refunded: 0n,
    disputeId: 0n,
    disputedByFunder: false,
    shareToClaimant: null,
    unrecorded: 0n,
  });
  if (funded) await changeEscrow(context.db, escrowId, (row) => ({ funded: row.funded + amount }));
});

ponder.on("MilestoneEscrow:MilestoneFunded", async ({ event, context }) => {
  const { escrowId, index, amount } = event.args;
  await changeMilestone(context.db, escrowId, index, () => ({
    state: State.Funded,
    fundedBlock: event.block.number,
  }));
  await changeEscrow(context.db, escrowId, (row) => ({ funded: row.funded + amount }));
});

ponder.on("MilestoneEscrow:EscrowAccepted", async ({ event, context }) => {
  await changeEscrow(context.db, event.args.escrowId, () => ({
    accepted: true,
    acceptedBlock: event.block.number,
    acceptedTransaction: event.transaction.hash,
  }));
});

ponder.on("MilestoneEscrow:EscrowEndorsed", async ({ event, context }) => {
  await changeEscrow(context.db, event.args.escrowId, () => ({
    endorsed: true,
    endorsedBy: event.args.by,
    endorsedBlock: event.block.number,
  }));
});

ponder.on("MilestoneEscrow:MilestoneSubmitted", async ({ event, context }) => {
  const { escrowId, index, evidenceURI, evidenceHash, reviewEndsAt } = event.args;
  // Both times are on the escrow's clock: the review ends a review window after the submission.
  const terms = await context.db.find(escrow, { id: escrowId });
  await changeMilestone(context.db, escrowId, index, () => ({
    state: State.Submitted,
    submittedAt: terms === null ? 0n : reviewEndsAt - BigInt(terms.reviewWindow),
    evidenceUri: evidenceURI,
    evidenceHash,
    reviewEndsAt,
  }));
});

/* PAYOUTS */

/**
 * Books a payout of `amount` (after a protocol fee of `fee`) to the escrow's contributor: the
 * escrow's released total and fees, the payment, and the contributor's earning.
 */
async function payContributor(
  db: Db,
  ref: EventRef,
  module: Address,
  payout: {
    readonly escrowId: bigint;
    readonly index: bigint;
    readonly kind: "release" | "cancellation";
    readonly by: Address;
    readonly contributor: Address;
    readonly amount: bigint;
    readonly fee: bigint;
    readonly sourceKind: "milestone" | "stream";
  },
): Promise<void> {
  const { escrowId, index, kind, by, contributor, amount, fee, sourceKind } = payout;
  const terms = await changeEscrow(db, escrowId, (row) => ({
    released: row.released + amount + fee,
    fees: row.fees + fee,
  }));
  await recordPayment(db, ref, {
    escrowId,
    index: Number(index),
    kind,
    by,
    toContributor: amount,
    fee,
    toFunder: 0n,
    disputeId: null,
  });
  if (terms === null) return;
  await recordEarning(db, ref, {
    account: contributor,
    token: terms.token,
    sourceKind,
    sourceId: milestoneRef(escrowId, index),
    module,
    amount,
  });
}

ponder.on("MilestoneEscrow:MilestoneReleased", async ({ event, context }) => {
  const { escrowId, index, by, reason, attestationUID, contributor, amount, fee } = event.args;
  const ref = eventRef(event);
  // A lump pays its whole amount: `amount + fee`.
  await changeMilestone(context.db, escrowId, index, () => ({
    state: State.Released,
    released: amount + fee,
    fees: fee,
    releaseReason: reason,
    releasedBy: by,
    attestationUid: attestationUID,
  }));
  await payContributor(context.db, ref, event.log.address, {
    escrowId,
    index,
    kind: "release",
    by,
    contributor,
    amount,
    fee,
    sourceKind: "milestone",
  });
});

ponder.on("MilestoneEscrow:StreamClaimed", async ({ event, context }) => {
  const { escrowId, index, contributor, amount, fee, claimedTotal } = event.args;
  const ref = eventRef(event);
  await context.db.insert(streamClaim).values({
    id: ref.id,
    escrowId,
    index: Number(index),
    contributor,
    amount,
    fee,
    claimedTotal,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  await changeMilestone(context.db, escrowId, index, (row) => ({
    released: claimedTotal,
    fees: row.fees + fee,
    // The claim that completes the stream releases it.
    state: claimedTotal === row.amount ? State.Released : row.state,
  }));
  const terms = await changeEscrow(context.db, escrowId, (row) => ({
    released: row.released + amount + fee,
    fees: row.fees + fee,
  }));
  if (terms === null) return;
  await recordEarning(context.db, ref, {
    account: contributor,
    token: terms.token,
    sourceKind: "stream",
    sourceId: milestoneRef(escrowId, index),
    module: event.log.address,
    amount,
  });
});

// A stream ended early: its vested part is the contributor's (paid now, net of the fee). Ended by
// the contributor, the rest goes back to the funder (MilestoneReclaimed follows); cancelled by the
// funder, the contributor may dispute the rest until `disputableUntil` (the escrow's clock), after
// which the funder reclaims it.
ponder.on("MilestoneEscrow:StreamCancelled", async ({ event, context }) => {
  const { escrowId, index, by, amount, fee, vested, rest, disputableUntil } = event.args;
  const ref = eventRef(event);
  const terms = await context.db.find(escrow, { id: escrowId });
  const byFunder = terms !== null && isAddressEqual(by, terms.funder);
  await changeMilestone(context.db, escrowId, index, (row) => ({
    state: rest === 0n ? State.Released : byFunder ? State.Cancelled : State.Reclaimed,
    released: vested,
    fees: row.fees + fee,
    ...(rest !== 0n && byFunder && terms !== null
      ? { submittedAt: disputableUntil - BigInt(terms.reviewWindow), reviewEndsAt: disputableUntil }
      : {}),
    cancelledBy: by,
    cancelledVested: vested,
    cancelledRest: rest,
    cancelledBlock: ref.blockNumber,
    cancelledTransaction: ref.transactionHash,
  }));
  if (terms === null) return;
  await payContributor(context.db, ref, event.log.address, {
    escrowId,
    index,
    kind: "cancellation",
    by,
    contributor: terms.contributor,
    amount,
    fee,
    sourceKind: "stream",
  });
});

// A lump unsubmitted past its deadline, or the unvested rest of a stream ended early.
ponder.on("MilestoneEscrow:MilestoneReclaimed", async ({ event, context }) => {
  const { escrowId, index, funder, amount } = event.args;
  await changeMilestone(context.db, escrowId, index, () => ({ state: State.Reclaimed, refunded: amount }));
  await changeEscrow(context.db, escrowId, (row) => ({ refunded: row.refunded + amount }));
  await recordPayment(context.db, eventRef(event), {
    escrowId,
    index: Number(index),
    kind: "reclaim",
    by: funder,
    toContributor: 0n,
    fee: 0n,
    toFunder: amount,
    disputeId: null,
  });
});

/* DISPUTES */

ponder.on("MilestoneEscrow:MilestoneDisputed", async ({ event, context }) => {
  const { escrowId, index, disputeId, claimant } = event.args;
  const terms = await context.db.find(escrow, { id: escrowId });
  await changeMilestone(context.db, escrowId, index, () => ({
    state: State.Disputed,
    disputeId,
    disputedByFunder: terms !== null && isAddressEqual(terms.funder, claimant),
  }));
  // Arbitration's DisputeOpened comes first, in the same transaction.
  if ((await context.db.find(dispute, { id: disputeId })) === null) return;
  await context.db.update(dispute, { id: disputeId }).set({ escrowId, milestoneIndex: Number(index) });
});

ponder.on("MilestoneEscrow:MilestoneResolved", async ({ event, context }) => {
  const { escrowId, index, disputeId, shareToClaimant, toContributor, fee, toFunder } = event.args;
  const ref = eventRef(event);
  // `toContributor` is net of the fee: the ruling paid `toContributor + fee` of what the milestone
  // still held (a lump's amount, a cancelled stream's unvested rest) to its contributor.
  await changeMilestone(context.db, escrowId, index, (row) => ({
    state: State.Resolved,
    released: row.released + toContributor + fee,
    fees: row.fees + fee,
    refunded: toFunder,
    shareToClaimant,
  }));
  const terms = await changeEscrow(context.db, escrowId, (row) => ({
    released: row.released + toContributor + fee,
    fees: row.fees + fee,
    refunded: row.refunded + toFunder,
  }));
  await recordPayment(context.db, ref, {
    escrowId,
    index: Number(index),
    kind: "ruling",
    by: null,
    toContributor,
    fee,
    toFunder,
    disputeId,
  });
  if (terms === null) return;
  // Credited (PaymentDeferred follows), not pushed: earned all the same.
  await recordEarning(context.db, ref, {
    account: terms.contributor,
    token: terms.token,
    sourceKind: "ruling",
    sourceId: disputeId.toString(),
    module: event.log.address,
    amount: toContributor,
  });
});

ponder.on("MilestoneEscrow:EscrowContributionNotRecorded", async ({ event, context }) => {
  const { escrowId, index, amount } = event.args;
  await changeMilestone(context.db, escrowId, index, (row) => ({ unrecorded: row.unrecorded + amount }));
});

/* WITHDRAWALS */

ponder.on("MilestoneEscrow:PaymentDeferred", async ({ event, context }) => {
  const { account, token, amount } = event.args;
  await changePendingWithdrawal(
    context.db,
    eventRef(event),
    { module: event.log.address, moduleKind: "escrow", kind: "credit", account, token, amount },
    (pending) => pending + amount,
  );
});

ponder.on("MilestoneEscrow:Withdrawn", async ({ event, context }) => {
  const { account, token, to, amount } = event.args;
  await changePendingWithdrawal(
    context.db,
    eventRef(event),
    { module: event.log.address, moduleKind: "escrow", kind: "withdrawal", account, token, amount, to },
    (pending) => pending - amount,
  );
});
