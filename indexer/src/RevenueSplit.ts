/**
 * RevenueSplitFactory and RevenueSplit handlers: splits (created by the factory, found by Ponder's
 * factory pattern from SplitCreated), their configuration and controller, distributions and what
 * each recipient and distributor got from them, deferred payments and withdrawals. Every share and
 * reward is an earning of its account.
 */
import { and, asc, desc, eq } from "ponder";
import { ponder } from "ponder:registry";
import { split, splitDistribution, splitPayout } from "ponder:schema";
import type { Hex } from "viem";

import { eventRef } from "./eventRef.ts";
import { changePendingWithdrawal, recordEarning } from "./payouts.ts";
import { distribution } from "./splitMath.ts";

ponder.on("RevenueSplitFactory:SplitCreated", async ({ event, context }) => {
  const { args } = event;
  await context.db.insert(split).values({
    address: args.split,
    controller: args.controller,
    creator: args.creator,
    splitHash: args.splitHash,
    recipients: [...args.recipients],
    allocations: [...args.allocations],
    distributorFee: args.distributorFee,
    salt: args.salt,
    distributionCount: 0,
    createdBlock: event.block.number,
    createdTimestamp: event.block.timestamp,
    createdTransaction: event.transaction.hash,
  });
});

// `updateSplit` may distribute first under the current configuration: its SplitDistributed events
// come before SplitUpdated, so they are shared by the configuration indexed until then.
ponder.on("RevenueSplit:SplitUpdated", async ({ event, context }) => {
  const { splitHash, recipients, allocations, distributorFee } = event.args;
  const address = event.log.address;
  if ((await context.db.find(split, { address })) === null) return;
  await context.db
    .update(split, { address })
    .set({ splitHash, recipients: [...recipients], allocations: [...allocations], distributorFee });
});

ponder.on("RevenueSplit:ControlTransferred", async ({ event, context }) => {
  const address = event.log.address;
  if ((await context.db.find(split, { address })) === null) return;
  await context.db.update(split, { address }).set({ controller: event.args.newController });
});

ponder.on("RevenueSplit:SplitDistributed", async ({ event, context }) => {
  const { token, distributor, splitHash, amount, distributorReward } = event.args;
  const ref = eventRef(event);
  const address = event.log.address;
  const config = await context.db.find(split, { address });
  // The split checked the configuration it was given against `splitHash`: the indexed one.
  const configured = config !== null && config.splitHash === splitHash.toLowerCase() ? config : null;
  const recipients: readonly Hex[] = configured?.recipients ?? [];
  const shares =
    configured === null
      ? []
      : distribution(amount, BigInt(configured.distributorFee), configured.allocations.map(BigInt)).shares;
  const dust = shares.reduce((left, share) => left - share, amount - distributorReward);
  await context.db.insert(splitDistribution).values({
    id: ref.id,
    split: address,
    token,
    distributor,
    splitHash,
    amount,
    distributorReward,
    dust,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  if (config !== null) {
    await context.db.update(split, { address }).set((row) => ({ distributionCount: row.distributionCount + 1 }));
  }
  // Recipients first, then the distributor, in the order the split pays them (zero shares skipped).
  const payouts = [
    ...recipients.map((account, i) => ({ key: `${i}`, account, role: "recipient", amount: shares[i] ?? 0n })),
    { key: "distributor", account: distributor, role: "distributor", amount: distributorReward },
  ] as const;
  for (const payout of payouts) {
    if (payout.amount === 0n) continue;
    const id = `${ref.id}:${payout.key}`;
    await context.db.insert(splitPayout).values({
      id,
      distributionId: ref.id,
      split: address,
      token,
      account: payout.account,
      role: payout.role,
      amount: payout.amount,
      deferred: false,
      blockNumber: ref.blockNumber,
      transactionHash: ref.transactionHash,
    });
    await recordEarning(context.db, ref, {
      id,
      account: payout.account,
      token,
      sourceKind: payout.role === "recipient" ? "split" : "distributor",
      sourceId: address.toLowerCase(),
      module: address,
      amount: payout.amount,
    });
  }
});

ponder.on("RevenueSplit:PaymentDeferred", async ({ event, context }) => {
  const { account, token, amount } = event.args;
  const address = event.log.address;
  // The payment is of the distribution just made by this transaction: its first payout to
  // `account` of `amount` not yet deferred ("recipient" sorts after "distributor": recipients are
  // paid first).
  const [latest] = await context.db.sql
    .select({ id: splitDistribution.id })
    .from(splitDistribution)
    .where(
      and(
        eq(splitDistribution.split, address),
        eq(splitDistribution.token, token),
        eq(splitDistribution.transactionHash, event.transaction.hash),
      ),
    )
    .orderBy(desc(splitDistribution.logIndex))
    .limit(1);
  if (latest !== undefined) {
    const [payout] = await context.db.sql
      .select({ id: splitPayout.id })
      .from(splitPayout)
      .where(
        and(
          eq(splitPayout.distributionId, latest.id),
          eq(splitPayout.account, account),
          eq(splitPayout.amount, amount),
          eq(splitPayout.deferred, false),
        ),
      )
      .orderBy(desc(splitPayout.role), asc(splitPayout.id))
      .limit(1);
    if (payout !== undefined) await context.db.update(splitPayout, { id: payout.id }).set({ deferred: true });
  }
  await changePendingWithdrawal(
    context.db,
    eventRef(event),
    { module: address, moduleKind: "split", kind: "credit", account, token, amount },
    (pending) => pending + amount,
  );
});

ponder.on("RevenueSplit:Withdrawn", async ({ event, context }) => {
  const { account, token, to, amount } = event.args;
  // Paid where the account asked (`withdraw`) or to the account itself (`withdrawFor`, whoever called).
  await changePendingWithdrawal(
    context.db,
    eventRef(event),
    { module: event.log.address, moduleKind: "split", kind: "withdrawal", account, token, amount, to },
    (pending) => pending - amount,
  );
});
