/**
 * Arbitration handlers: disputes, their rounds (arbiters assigned, rulings), evidence, appeals and
 * final rulings, and the modules allowed to open disputes. What a ruling pays is the arbitrable's
 * to say (MilestoneEscrow's MilestoneResolved).
 */
import { ponder } from "ponder:registry";
import { arbitrable, dispute, disputeEvidence, disputeRound } from "ponder:schema";

import { eventRef } from "./eventRef.ts";

/** IArbitration.DisputeStatus. */
const Status = { Open: 1, Appealed: 2, Finalized: 3 } as const;

ponder.on("Arbitration:DisputeOpened", async ({ event, context }) => {
  const { args } = event;
  // EvidenceSubmitted (the claimant's) and, for a named arbiter, ArbiterAssigned follow.
  await context.db.insert(dispute).values({
    id: args.disputeId,
    arbitrable: args.arbitrable,
    status: Status.Open,
    round: 1,
    claimant: args.claimant,
    respondent: args.respondent,
    claimantSovereign: args.claimantSovereign,
    respondentSovereign: args.respondentSovereign,
    token: args.token,
    amount: args.amount,
    openedAt: event.block.timestamp,
    appealedAt: 0n,
    appellant: null,
    appealLapsesAt: null,
    finalShare: null,
    decidingRound: null,
    finalizedBlock: null,
    finalizedTransaction: null,
    escrowId: null,
    milestoneIndex: null,
    openedBlock: event.block.number,
    openedTransaction: event.transaction.hash,
  });
});

ponder.on("Arbitration:EvidenceSubmitted", async ({ event, context }) => {
  const { disputeId, party, uri, hash } = event.args;
  const ref = eventRef(event);
  await context.db.insert(disputeEvidence).values({
    id: ref.id,
    disputeId,
    party,
    uri,
    hash,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
});

// A drawn arbiter may replace a silent one: the round keeps no ruling, and gets the new arbiter.
ponder.on("Arbitration:ArbiterAssigned", async ({ event, context }) => {
  const { disputeId, round, arbiter, sovereignId, by } = event.args;
  const assigned = { arbiter, sovereignId, assignedAt: event.block.timestamp, assignedBy: by };
  await context.db
    .insert(disputeRound)
    .values({ disputeId, round, ...assigned, ruled: false, shareToClaimant: 0n, ruledAt: 0n, appealDeadline: null })
    .onConflictDoUpdate(assigned);
});

ponder.on("Arbitration:DisputeRuled", async ({ event, context }) => {
  const { disputeId, round, shareToClaimant, appealDeadline } = event.args;
  if ((await context.db.find(disputeRound, { disputeId, round })) === null) return;
  await context.db
    .update(disputeRound, { disputeId, round })
    .set({ ruled: true, shareToClaimant, ruledAt: event.block.timestamp, appealDeadline });
});

ponder.on("Arbitration:DisputeAppealed", async ({ event, context }) => {
  const { disputeId, appellant, lapsesAt } = event.args;
  if ((await context.db.find(dispute, { id: disputeId })) === null) return;
  await context.db.update(dispute, { id: disputeId }).set({
    status: Status.Appealed,
    round: 2,
    appealedAt: event.block.timestamp,
    appellant,
    appealLapsesAt: lapsesAt,
  });
});

ponder.on("Arbitration:DisputeFinalized", async ({ event, context }) => {
  const { disputeId, shareToClaimant, decidingRound } = event.args;
  if ((await context.db.find(dispute, { id: disputeId })) === null) return;
  await context.db.update(dispute, { id: disputeId }).set({
    status: Status.Finalized,
    finalShare: shareToClaimant,
    decidingRound,
    finalizedBlock: event.block.number,
    finalizedTransaction: event.transaction.hash,
  });
});

ponder.on("Arbitration:ArbitrableSet", async ({ event, context }) => {
  const { arbitrable: address, allowed } = event.args;
  await context.db
    .insert(arbitrable)
    .values({ address, allowed, blockNumber: event.block.number })
    .onConflictDoUpdate({ allowed, blockNumber: event.block.number });
});
