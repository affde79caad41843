/**
 * BountyBoard handlers: bounties, their funders, submissions and awards (and the ledger records
 * refused), cancellations, refunds, and deferred payouts. Each award is an earning of its winner.
 */
import { and, desc, eq } from "ponder";
import { ponder, type Context } from "ponder:registry";
import { bounty, bountyAward, bountyFunding, bountySubmission } from "ponder:schema";
import type { Hex } from "viem";

import { eventRef } from "./eventRef.ts";
import { changePendingWithdrawal, recordEarning } from "./payouts.ts";

type BountyRow = typeof bounty.$inferSelect;

/** `remainingOf`: funded - awarded - refunded. */
const remaining = (row: Pick<BountyRow, "funded" | "awarded" | "refunded">) => row.funded - row.awarded - row.refunded;

ponder.on("BountyBoard:BountyCreated", async ({ event, context }) => {
  const { args } = event;
  // Its first deposit follows as BountyFunded in the same transaction.
  await context.db.insert(bounty).values({
    id: args.bountyId,
    missionId: args.missionId,
    sovereignId: args.sovereignId,
    creator: args.creator,
    token: args.token,
    deadline: args.deadline,
    credentialSchema: args.credentialSchema,
    credentialTrustedBy: args.credentialTrustedBy,
    metadataUri: args.metadataURI,
    metadataHash: args.metadataHash,
    funded: 0n,
    awarded: 0n,
    refunded: 0n,
    remaining: 0n,
    funderCount: 0,
    submissionCount: 0,
    winnerCount: 0,
    cancelled: false,
    cancelledBy: null,
    cancelledBlock: null,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

ponder.on("BountyBoard:BountyFunded", async ({ event, context }) => {
  const { bountyId, funder, contribution, funded } = event.args;
  const known = await context.db.find(bountyFunding, { bountyId, funder });
  if (known === null) {
    await context.db.insert(bountyFunding).values({
      bountyId,
      funder,
      contribution,
      depositCount: 1,
      reclaimed: false,
      refund: null,
      refundedTo: null,
      reclaimedBlock: null,
      reclaimedTransaction: null,
      firstBlock: event.block.number,
    });
  } else {
    await context.db
      .update(bountyFunding, { bountyId, funder })
      .set((row) => ({ contribution, depositCount: row.depositCount + 1 }));
  }
  if ((await context.db.find(bounty, { id: bountyId })) === null) return;
  // The event carries the bounty's new total: take it, so the row is `getBounty`'s.
  await context.db.update(bounty, { id: bountyId }).set((row) => ({
    funded,
    remaining: remaining({ ...row, funded }),
    funderCount: row.funderCount + (known === null ? 1 : 0),
  }));
});

ponder.on("BountyBoard:WorkSubmitted", async ({ event, context }) => {
  const { bountyId, contributor, evidenceURI, contentHash, credentialUID } = event.args;
  await context.db.insert(bountySubmission).values({
    bountyId,
    contributor,
    evidenceUri: evidenceURI,
    contentHash,
    credentialUid: credentialUID,
    awarded: 0n,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  if ((await context.db.find(bounty, { id: bountyId })) === null) return;
  await context.db.update(bounty, { id: bountyId }).set((row) => ({ submissionCount: row.submissionCount + 1 }));
});

ponder.on("BountyBoard:BountyAwarded", async ({ event, context }) => {
  const { bountyId, winner, by, token, amount } = event.args;
  const ref = eventRef(event);
  await context.db.insert(bountyAward).values({
    id: ref.id,
    bountyId,
    winner,
    by,
    token,
    amount,
    remaining: event.args.remaining,
    deferred: false,
    recorded: true,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  if ((await context.db.find(bountySubmission, { bountyId, contributor: winner })) !== null) {
    await context.db.update(bountySubmission, { bountyId, contributor: winner }).set({ awarded: amount });
  }
  if ((await context.db.find(bounty, { id: bountyId })) !== null) {
    await context.db.update(bounty, { id: bountyId }).set((row) => {
      const awarded = row.awarded + amount;
      return { awarded, remaining: remaining({ ...row, awarded }), winnerCount: row.winnerCount + 1 };
    });
  }
  // Paid now, or credited as a withdrawal (PaymentDeferred follows): earned either way.
  await recordEarning(context.db, ref, {
    account: winner,
    token,
    sourceKind: "bounty",
    sourceId: bountyId.toString(),
    module: event.log.address,
    amount,
  });
});

/** Applies `change` to the award of `winner` from `bountyId` made by `transaction` (one per winner). */
async function changeAward(
  db: Context["db"],
  award: { bountyId: bigint; winner: Hex; transaction: Hex },
  change: Partial<typeof bountyAward.$inferInsert>,
): Promise<void> {
  await db.sql
    .update(bountyAward)
    .set(change)
    .where(
      and(
        eq(bountyAward.bountyId, award.bountyId),
        eq(bountyAward.winner, award.winner),
        eq(bountyAward.transactionHash, award.transaction),
      ),
    );
}

// The award's ledger record was refused; the winner is paid (or credited) all the same.
ponder.on("BountyBoard:BountyContributionNotRecorded", async ({ event, context }) => {
  const { bountyId, winner } = event.args;
  await changeAward(context.db, { bountyId, winner, transaction: event.transaction.hash }, { recorded: false });
});

ponder.on("BountyBoard:PaymentDeferred", async ({ event, context }) => {
  const { account, token, amount } = event.args;
  // The payout of the award just made to `account` in this transaction: an award's payouts follow
  // its BountyAwarded events, so the latest award to `account` not yet deferred is this one.
  const [award] = await context.db.sql
    .select({ id: bountyAward.id })
    .from(bountyAward)
    .where(
      and(
        eq(bountyAward.winner, account),
        eq(bountyAward.transactionHash, event.transaction.hash),
        eq(bountyAward.amount, amount),
        eq(bountyAward.deferred, false),
      ),
    )
    .orderBy(desc(bountyAward.logIndex))
    .limit(1);
  if (award !== undefined) await context.db.update(bountyAward, { id: award.id }).set({ deferred: true });
  await changePendingWithdrawal(
    context.db,
    eventRef(event),
    { module: event.log.address, moduleKind: "bounty", kind: "credit", account, token, amount },
    (pending) => pending + amount,
  );
});

ponder.on("BountyBoard:BountyCancelled", async ({ event, context }) => {
  const { bountyId, by } = event.args;
  if ((await context.db.find(bounty, { id: bountyId })) === null) return;
  await context.db
    .update(bounty, { id: bountyId })
    .set({ cancelled: true, cancelledBy: by, cancelledBlock: event.block.number });
});

ponder.on("BountyBoard:FundsReclaimed", async ({ event, context }) => {
  const { bountyId, funder, to, amount } = event.args;
  if ((await context.db.find(bountyFunding, { bountyId, funder })) !== null) {
    await context.db.update(bountyFunding, { bountyId, funder }).set({
      reclaimed: true,
      refund: amount,
      refundedTo: to,
      reclaimedBlock: event.block.number,
      reclaimedTransaction: event.transaction.hash,
    });
  }
  if ((await context.db.find(bounty, { id: bountyId })) === null) return;
  await context.db.update(bounty, { id: bountyId }).set((row) => {
    const refunded = row.refunded + amount;
    return { refunded, remaining: remaining({ ...row, refunded }) };
  });
});

ponder.on("BountyBoard:Withdrawn", async ({ event, context }) => {
  const { account, token, to, amount } = event.args;
  // A withdrawal takes the whole deferred balance of the token.
  await changePendingWithdrawal(
    context.db,
    eventRef(event),
    { module: event.log.address, moduleKind: "bounty", kind: "withdrawal", account, token, amount, to },
    (pending) => pending - amount,
  );
});
