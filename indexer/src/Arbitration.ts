/**
 * Arbitration handlers: disputes (with the appeal window and ruling period each one keeps from its
 * opening), their rounds (arbiters named at deal creation, drawn from a sovereign or among
 * governance's fallback arbiters, and rulings), evidence, appeals (each party's, and who moves
 * round 2), final rulings, the modules allowed to open disputes, the fallback arbiters and the
 * periods of new disputes. What a ruling pays is the arbitrable's to say (MilestoneEscrow's
 * MilestoneResolved).
 */
import { arbitrationAbi } from "@atlas-os/sdk/abi";
import { ponder } from "ponder:registry";
import {
  arbitrable,
  arbitrationPeriods,
  dispute,
  disputeAppeal,
  disputeEvidence,
  disputeRound,
  fallbackArbiter,
} from "ponder:schema";
import { isAddressEqual } from "viem";

import { eventRef } from "./eventRef.ts";

/** IArbitration.DisputeStatus. */
const Status = { Open: 1, Appealed: 2, Finalized: 3 } as const;
/** Bits of `Dispute.appellants`. */
const CLAIMANT_APPEALED = 1;
const RESPONDENT_APPEALED = 2;
/** The one row of `arbitration_periods`. */
const PERIODS = "arbitration";

ponder.on("Arbitration:PeriodsSet", async ({ event, context }) => {
  const periods = {
    appealWindow: BigInt(event.args.appealWindow),
    rulingPeriod: BigInt(event.args.rulingPeriod),
    blockNumber: event.block.number,
  };
  await context.db
    .insert(arbitrationPeriods)
    .values({ id: PERIODS, ...periods })
    .onConflictDoUpdate(periods);
});

ponder.on("Arbitration:DisputeOpened", async ({ event, context }) => {
  const { args } = event;
  // The dispute keeps the periods in force when it opens (PeriodsSet); a deployment indexed from
  // after its initialization has no such row yet: the dispute itself says.
  let periods = await context.db.find(arbitrationPeriods, { id: PERIODS });
  if (periods === null) {
    const stored = await context.client.readContract({
      address: event.log.address,
      abi: arbitrationAbi,
      functionName: "getDispute",
      args: [args.disputeId],
    });
    periods = {
      id: PERIODS,
      appealWindow: BigInt(stored.appealWindow),
      rulingPeriod: BigInt(stored.rulingPeriod),
      blockNumber: event.block.number,
    };
  }
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
    appealWindow: periods.appealWindow,
    rulingPeriod: periods.rulingPeriod,
    appealedAt: 0n,
    lastAppealAt: 0n,
    appellant: null,
    appellants: 0,
    drawnByMover: false,
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

// An arbiter named at deal creation (by the arbitrable, while it opens the dispute), or drawn by
// anyone: from a sovereign, or (sovereign 0) among the fallback arbiters. A drawn arbiter may
// replace one that let its period pass, lost its eligibility or was vetoed by the round's mover:
// the round keeps no ruling, and gets the new arbiter.
ponder.on("Arbitration:ArbiterAssigned", async ({ event, context }) => {
  const { disputeId, round, arbiter, sovereignId, by } = event.args;
  const opened = await context.db.find(dispute, { id: disputeId });
  if (opened === null) return;
  const named =
    round === 1 &&
    sovereignId === 0n &&
    event.transaction.hash === opened.openedTransaction &&
    isAddressEqual(by, opened.arbitrable);
  const assigned = {
    arbiter,
    sovereignId,
    fallbackArbiter: sovereignId === 0n && !named,
    assignedAt: event.block.timestamp,
    assignedBy: by,
  };
  await context.db
    .insert(disputeRound)
    .values({ disputeId, round, ...assigned, ruled: false, shareToClaimant: 0n, ruledAt: 0n, appealDeadline: null })
    .onConflictDoUpdate(assigned);
  if (named) return;
  // The mover of the round (the claimant in round 1, the appellant in round 2) drew it, or not.
  const mover = round === 1 ? opened.claimant : opened.appellant;
  await context.db
    .update(dispute, { id: disputeId })
    .set({ drawnByMover: mover !== null && isAddressEqual(by, mover) });
});

ponder.on("Arbitration:DisputeRuled", async ({ event, context }) => {
  const { disputeId, round, shareToClaimant, appealDeadline } = event.args;
  if ((await context.db.find(disputeRound, { disputeId, round })) === null) return;
  await context.db
    .update(disputeRound, { disputeId, round })
    .set({ ruled: true, shareToClaimant, ruledAt: event.block.timestamp, appealDeadline });
});

// The first appeal opens round 2 (without an arbiter) and its appellant moves it; the other party
// may join while the appeal is live, and moves round 2 from then on if the first ruling disfavours
// it (`mover` says who moves after each appeal).
ponder.on("Arbitration:DisputeAppealed", async ({ event, context }) => {
  const { disputeId, appellant, mover, lapsesAt } = event.args;
  const ref = eventRef(event);
  await context.db.insert(disputeAppeal).values({
    id: ref.id,
    disputeId,
    appellant,
    mover,
    lapsesAt,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  const row = await context.db.find(dispute, { id: disputeId });
  if (row === null) return;
  const bit = isAddressEqual(appellant, row.claimant) ? CLAIMANT_APPEALED : RESPONDENT_APPEALED;
  let drawnByMover = false;
  if (row.round === 2 && isAddressEqual(mover, appellant)) {
    // The party the first ruling disfavours joined: it moves round 2, and keeps an arbiter it drew.
    const second = await context.db.find(disputeRound, { disputeId, round: 2 });
    drawnByMover = second !== null && isAddressEqual(second.assignedBy, appellant);
  } else if (row.round === 2) {
    drawnByMover = row.drawnByMover;
  }
  await context.db.update(dispute, { id: disputeId }).set({
    status: Status.Appealed,
    round: 2,
    appealedAt: row.appealedAt === 0n ? event.block.timestamp : row.appealedAt,
    lastAppealAt: event.block.timestamp,
    appellant: mover,
    appellants: row.appellants | bit,
    drawnByMover,
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

ponder.on("Arbitration:FallbackArbiterSet", async ({ event, context }) => {
  const { arbiter: address, allowed } = event.args;
  await context.db
    .insert(fallbackArbiter)
    .values({ address, allowed, blockNumber: event.block.number })
    .onConflictDoUpdate({ allowed, blockNumber: event.block.number });
});
