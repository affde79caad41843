/**
 * REST routes of the capital layer: a mission's funding and progress, bounties, escrows with their
 * milestones, disputes, Arbitration's settings, the modules' pauses and clocks, splits with their
 * distributions, and an account's earnings, from indexed state (see indexer/README.md).
 * Time-dependent answers (a bounty's status, a stream's vesting) are computed at the last indexed
 * block on the module's clock (its time less the time the module spent paused), whose block
 * number, time and module time each answer carries. A bounty's refunds still to reclaim are read
 * from the board (`refundOf`) at that block. Mounted by index.ts, whose error handler answers the
 * 400s, 404s and 503s thrown here.
 */
import { db } from "ponder:api";
import {
  arbitrable,
  arbitrationPeriods,
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
  fallbackArbiter,
  milestone,
  milestonePayment,
  mission,
  pendingWithdrawal,
  split,
  splitDistribution,
  splitPayout,
  streamClaim,
  withdrawalEvent,
} from "ponder:schema";
import { type MilestoneState } from "@atlas-os/sdk";
import { Hono } from "hono";
import { and, asc, eq, gt, inArray } from "ponder";
import { getAddress, type Address, type Hex } from "viem";

import {
  EARNING_SOURCES,
  MILESTONE_STATES,
  bountyAwardJson,
  bountyFundingJson,
  bountyJson,
  bountySubmissionJson,
  disputeAppealJson,
  disputeEvidenceJson,
  disputeJson,
  disputeRoundJson,
  earningJson,
  escrowJson,
  milestoneJson,
  milestonePaymentJson,
  pauseStateJson,
  pendingWithdrawalJson,
  splitDistributionJson,
  splitJson,
  streamClaimJson,
  withdrawalEventJson,
} from "./capitalJson.ts";
import { bountyStatus, streamProgress } from "./capitalTime.ts";
import { NotFoundError } from "./errors.ts";
import { missionJson } from "./graphJson.ts";
import { parseAddress, parseId, parseName, parseUint256 } from "./parse.ts";
import { MODULES, headOf, pauseStatesAt, refundsAt, type ApiEnv, type ModuleName } from "./perBlock.ts";

const capital = new Hono<ApiEnv>();

const lower = (address: Address) => address.toLowerCase() as Address;

/* MISSIONS */

/**
 * A mission's funding: its bounties and escrows (with milestones), per token what was funded,
 * paid (to contributors, gross of the escrow's protocol fee, which `fees` shows), refunded and is
 * still held, and its progress: milestones by state, streams vested and claimed, bounties by status.
 */
capital.get("/missions/:id/funding", async (c) => {
  const id = parseId(c.req.param("id"), "Mission id");
  const head = await headOf(c);
  // One round of queries: the milestones through their escrows' mission (a subquery), not after them.
  const [[row], clocks, bounties, escrows, milestones] = await Promise.all([
    db.select().from(mission).where(eq(mission.id, id)),
    pauseStatesAt(head),
    db.select().from(bounty).where(eq(bounty.missionId, id)).orderBy(asc(bounty.id)),
    db.select().from(escrow).where(eq(escrow.missionId, id)).orderBy(asc(escrow.id)),
    db
      .select()
      .from(milestone)
      .where(inArray(milestone.escrowId, db.select({ id: escrow.id }).from(escrow).where(eq(escrow.missionId, id))))
      .orderBy(asc(milestone.escrowId), asc(milestone.index)),
  ]);
  if (row === undefined) throw new NotFoundError(`No mission ${id} has been indexed.`);
  const boardTime = clocks.BountyBoard.moduleTime;
  const escrowTime = clocks.MilestoneEscrow.moduleTime;

  const totals = new Map<Hex, { funded: bigint; paid: bigint; fees: bigint; refunded: bigint }>();
  const add = (token: Hex, amounts: { funded: bigint; paid: bigint; fees: bigint; refunded: bigint }) => {
    const total = totals.get(token) ?? { funded: 0n, paid: 0n, fees: 0n, refunded: 0n };
    totals.set(token, {
      funded: total.funded + amounts.funded,
      paid: total.paid + amounts.paid,
      fees: total.fees + amounts.fees,
      refunded: total.refunded + amounts.refunded,
    });
  };
  for (const b of bounties) add(b.token, { funded: b.funded, paid: b.awarded, fees: 0n, refunded: b.refunded });
  for (const e of escrows) add(e.token, { funded: e.funded, paid: e.released, fees: e.fees, refunded: e.refunded });

  const byState = Object.fromEntries(MILESTONE_STATES.map((state) => [state, 0])) as Record<MilestoneState, number>;
  for (const m of milestones) byState[MILESTONE_STATES[m.state] ?? "unfunded"] += 1;
  const tokenOf = new Map(escrows.map((e) => [e.id, e.token]));
  const streams = milestones
    .filter((m) => m.kind === 1)
    .map((m) => {
      const progress = streamProgress(m, escrowTime);
      return {
        escrowId: m.escrowId.toString(),
        index: m.index,
        token: getAddress(tokenOf.get(m.escrowId)!),
        amount: m.amount.toString(),
        vested: progress.vested.toString(),
        claimed: progress.claimed.toString(),
        claimable: progress.claimable.toString(),
      };
    });
  const bountyStatuses = { open: 0, expired: 0, cancelled: 0 };
  for (const b of bounties) bountyStatuses[bountyStatus(b, boardTime)] += 1;

  return c.json({
    blockNumber: head.blockNumber.toString(),
    timestamp: head.timestamp.toString(),
    /** The bounty board's and the escrow's clocks at that block. */
    moduleTimes: { bountyBoard: boardTime.toString(), escrow: escrowTime.toString() },
    mission: missionJson(row),
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([token, t]) => ({
        token: getAddress(token),
        funded: t.funded.toString(),
        paid: t.paid.toString(),
        fees: t.fees.toString(),
        refunded: t.refunded.toString(),
        remaining: (t.funded - t.paid - t.refunded).toString(),
      })),
    progress: { milestones: byState, streams, bounties: bountyStatuses },
    bounties: bounties.map((b) => bountyJson(b, boardTime)),
    escrows: escrows.map((e) => ({
      ...escrowJson(e),
      milestones: milestones.filter((m) => m.escrowId === e.id).map((m) => milestoneJson(m, escrowTime)),
    })),
  });
});

/* BOUNTIES, ESCROWS, DISPUTES */

capital.get("/bounties/:id", async (c) => {
  const id = parseUint256(c.req.param("id"), "Bounty id");
  const head = await headOf(c);
  const [[row], clocks, fundings, submissions, awards] = await Promise.all([
    db.select().from(bounty).where(eq(bounty.id, id)),
    pauseStatesAt(head),
    db
      .select()
      .from(bountyFunding)
      .where(eq(bountyFunding.bountyId, id))
      .orderBy(asc(bountyFunding.firstBlock), asc(bountyFunding.funder)),
    db
      .select()
      .from(bountySubmission)
      .where(eq(bountySubmission.bountyId, id))
      .orderBy(asc(bountySubmission.blockNumber), asc(bountySubmission.contributor)),
    db
      .select()
      .from(bountyAward)
      .where(eq(bountyAward.bountyId, id))
      .orderBy(asc(bountyAward.blockNumber), asc(bountyAward.logIndex)),
  ]);
  if (row === undefined) throw new NotFoundError(`No bounty ${id} has been indexed.`);
  const { moduleTime } = clocks.BountyBoard;
  const open = bountyStatus(row, moduleTime) === "open";
  const unclaimed = fundings.filter((f) => !f.reclaimed).map((f) => f.funder);
  const refunds = open || unclaimed.length === 0 ? new Map<Hex, bigint>() : await refundsAt(head, id, unclaimed);
  return c.json({
    blockNumber: head.blockNumber.toString(),
    timestamp: head.timestamp.toString(),
    moduleTime: moduleTime.toString(),
    bounty: bountyJson(row, moduleTime),
    fundings: fundings.map((f) => bountyFundingJson(f, refunds.get(f.funder) ?? 0n)),
    submissions: submissions.map(bountySubmissionJson),
    awards: awards.map(bountyAwardJson),
  });
});

capital.get("/escrows/:id", async (c) => {
  const id = parseUint256(c.req.param("id"), "Escrow id");
  const head = await headOf(c);
  const [[row], clocks, milestones, claims, payments] = await Promise.all([
    db.select().from(escrow).where(eq(escrow.id, id)),
    pauseStatesAt(head),
    db.select().from(milestone).where(eq(milestone.escrowId, id)).orderBy(asc(milestone.index)),
    db
      .select()
      .from(streamClaim)
      .where(eq(streamClaim.escrowId, id))
      .orderBy(asc(streamClaim.blockNumber), asc(streamClaim.logIndex)),
    db
      .select()
      .from(milestonePayment)
      .where(eq(milestonePayment.escrowId, id))
      .orderBy(asc(milestonePayment.blockNumber), asc(milestonePayment.logIndex)),
  ]);
  if (row === undefined) throw new NotFoundError(`No escrow ${id} has been indexed.`);
  const { moduleTime } = clocks.MilestoneEscrow;
  return c.json({
    blockNumber: head.blockNumber.toString(),
    timestamp: head.timestamp.toString(),
    moduleTime: moduleTime.toString(),
    escrow: escrowJson(row),
    milestones: milestones.map((m) => milestoneJson(m, moduleTime)),
    claims: claims.map(streamClaimJson),
    payments: payments.map(milestonePaymentJson),
  });
});

capital.get("/disputes/:id", async (c) => {
  const id = parseUint256(c.req.param("id"), "Dispute id");
  const [[row], rounds, evidence, appeals, [ruling]] = await Promise.all([
    db.select().from(dispute).where(eq(dispute.id, id)),
    db.select().from(disputeRound).where(eq(disputeRound.disputeId, id)).orderBy(asc(disputeRound.round)),
    db
      .select()
      .from(disputeEvidence)
      .where(eq(disputeEvidence.disputeId, id))
      .orderBy(asc(disputeEvidence.blockNumber), asc(disputeEvidence.logIndex)),
    db
      .select()
      .from(disputeAppeal)
      .where(eq(disputeAppeal.disputeId, id))
      .orderBy(asc(disputeAppeal.blockNumber), asc(disputeAppeal.logIndex)),
    db
      .select()
      .from(milestonePayment)
      .where(and(eq(milestonePayment.disputeId, id), eq(milestonePayment.kind, "ruling"))),
  ]);
  if (row === undefined) throw new NotFoundError(`No dispute ${id} has been indexed.`);
  return c.json({
    dispute: disputeJson(row, rounds),
    rounds: rounds.map((round) => disputeRoundJson(row, round)),
    appeals: appeals.map(disputeAppealJson),
    evidence: evidence.map(disputeEvidenceJson),
    // What the escrow did with the final ruling (MilestoneResolved), once enforced.
    resolution:
      ruling === undefined
        ? null
        : {
            toContributor: ruling.toContributor.toString(),
            fee: ruling.fee.toString(),
            toFunder: ruling.toFunder.toString(),
            blockNumber: ruling.blockNumber.toString(),
            transactionHash: ruling.transactionHash,
          },
  });
});

/** Arbitration's settings for new disputes: its periods, fallback arbiters and arbitrables. */
capital.get("/arbitration", async (c) => {
  const [[periods], fallbacks, arbitrables] = await Promise.all([
    db.select().from(arbitrationPeriods),
    db.select().from(fallbackArbiter).where(eq(fallbackArbiter.allowed, true)).orderBy(asc(fallbackArbiter.address)),
    db.select().from(arbitrable).where(eq(arbitrable.allowed, true)).orderBy(asc(arbitrable.address)),
  ]);
  return c.json({
    appealWindow: periods === undefined ? null : periods.appealWindow.toString(),
    rulingPeriod: periods === undefined ? null : periods.rulingPeriod.toString(),
    fallbackArbiters: fallbacks.map((f) => getAddress(f.address)),
    arbitrables: arbitrables.map((a) => getAddress(a.address)),
  });
});

/* MODULES */

/** Every module's pause and clock (`pauseState()`, `paused()`) at the last indexed block. */
capital.get("/modules", async (c) => {
  const head = await headOf(c);
  const states = await pauseStatesAt(head);
  return c.json({
    blockNumber: head.blockNumber.toString(),
    timestamp: head.timestamp.toString(),
    modules: (Object.keys(MODULES) as ModuleName[]).map((name) => ({
      name,
      address: getAddress(MODULES[name]),
      ...pauseStateJson(states[name]),
    })),
  });
});

/* SPLITS */

capital.get("/splits/:address", async (c) => {
  const address = lower(parseAddress(c.req.param("address")));
  const [[row], distributions, payouts, pending, withdrawals] = await Promise.all([
    db.select().from(split).where(eq(split.address, address)),
    db
      .select()
      .from(splitDistribution)
      .where(eq(splitDistribution.split, address))
      .orderBy(asc(splitDistribution.blockNumber), asc(splitDistribution.logIndex)),
    db.select().from(splitPayout).where(eq(splitPayout.split, address)),
    db
      .select()
      .from(pendingWithdrawal)
      .where(and(eq(pendingWithdrawal.module, address), gt(pendingWithdrawal.amount, 0n)))
      .orderBy(asc(pendingWithdrawal.account), asc(pendingWithdrawal.token)),
    db
      .select()
      .from(withdrawalEvent)
      .where(and(eq(withdrawalEvent.module, address), eq(withdrawalEvent.kind, "withdrawal")))
      .orderBy(asc(withdrawalEvent.blockNumber), asc(withdrawalEvent.logIndex)),
  ]);
  if (row === undefined) throw new NotFoundError(`No split at ${getAddress(address)} has been indexed.`);
  // Payout ids are "<distribution>:<recipient index>" and "<distribution>:distributor".
  const order = (id: string) => {
    const key = id.slice(id.lastIndexOf(":") + 1);
    return key === "distributor" ? Number.MAX_SAFE_INTEGER : Number(key);
  };
  const received = new Map<string, bigint>();
  for (const payout of payouts.filter((p) => p.role === "recipient")) {
    const key = `${payout.account}/${payout.token}`;
    received.set(key, (received.get(key) ?? 0n) + payout.amount);
  }
  const tokens = [...new Set(distributions.map((d) => d.token))].sort();
  return c.json({
    split: splitJson(row),
    recipients: row.recipients.map((account, i) => ({
      account: getAddress(account),
      allocation: row.allocations[i] ?? 0,
      received: tokens
        .map((token) => ({ token: getAddress(token), amount: received.get(`${account}/${token}`) ?? 0n }))
        .filter((r) => r.amount !== 0n)
        .map((r) => ({ token: r.token, amount: r.amount.toString() })),
    })),
    distributions: distributions.map((d) =>
      splitDistributionJson(
        d,
        payouts.filter((p) => p.distributionId === d.id).sort((a, b) => order(a.id) - order(b.id)),
      ),
    ),
    pendingWithdrawals: pending.map(({ account, token, amount }) => ({
      account: getAddress(account),
      token: getAddress(token),
      amount: amount.toString(),
    })),
    withdrawals: withdrawals.map(withdrawalEventJson).filter((w) => w.kind === "withdrawal"),
  });
});

/* EARNINGS */

/**
 * What an account earned from the capital modules: totals per token, every payout (in chain
 * order, optionally one token's or one kind's), and what modules still owe it (pending withdrawals).
 */
capital.get("/accounts/:address/earnings", async (c) => {
  const address = parseAddress(c.req.param("address"));
  const rawToken = c.req.query("token");
  const token = rawToken === undefined ? undefined : lower(parseAddress(rawToken));
  const rawKind = c.req.query("kind");
  const kind = rawKind === undefined ? undefined : parseName(rawKind, EARNING_SOURCES, "kind");
  const key = lower(address);
  const [rows, pending] = await Promise.all([
    db
      .select()
      .from(earning)
      .where(
        and(
          eq(earning.account, key),
          token === undefined ? undefined : eq(earning.token, token),
          kind === undefined ? undefined : eq(earning.sourceKind, kind),
        ),
      )
      .orderBy(asc(earning.blockNumber), asc(earning.logIndex), asc(earning.id)),
    db
      .select()
      .from(pendingWithdrawal)
      .where(and(eq(pendingWithdrawal.account, key), gt(pendingWithdrawal.amount, 0n)))
      .orderBy(asc(pendingWithdrawal.module), asc(pendingWithdrawal.token)),
  ]);
  const totals = new Map<Hex, { amount: bigint; count: number }>();
  for (const row of rows) {
    const total = totals.get(row.token) ?? { amount: 0n, count: 0 };
    totals.set(row.token, { amount: total.amount + row.amount, count: total.count + 1 });
  }
  return c.json({
    address: getAddress(address),
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([t, { amount, count }]) => ({ token: getAddress(t), amount: amount.toString(), count })),
    earnings: rows.map(earningJson),
    pendingWithdrawals: pending.filter((p) => token === undefined || p.token === token).map(pendingWithdrawalJson),
  });
});

export default capital;
