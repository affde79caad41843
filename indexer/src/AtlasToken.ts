/**
 * Token handlers: transfers and balances, delegation changes, voting power history. The `account`
 * row of an address is created by whichever of its events comes first.
 */
import { ponder, type Context } from "ponder:registry";
import { account, delegation, transfer, votingPower } from "ponder:schema";
import { zeroAddress, type Hex } from "viem";

import { eventRef } from "./eventRef.ts";

type TokenContext =
  Context<"AtlasToken:Transfer"> | Context<"AtlasToken:DelegateChanged"> | Context<"AtlasToken:DelegateVotesChanged">;

/** Creates the account row with `values` or applies `update` to the existing one. */
async function upsertAccount(
  context: TokenContext,
  address: Hex,
  values: { delegate?: Hex; votingPower?: bigint; balance?: bigint },
  update: (row: typeof account.$inferSelect) => Partial<typeof account.$inferInsert>,
): Promise<void> {
  await context.db
    .insert(account)
    .values({ address, delegate: null, votingPower: 0n, balance: 0n, ...values })
    .onConflictDoUpdate(update);
}

ponder.on("AtlasToken:Transfer", async ({ event, context }) => {
  const { from, to, value } = event.args;
  const ref = eventRef(event);
  await context.db.insert(transfer).values({
    id: ref.id,
    from,
    to,
    value,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  if (from !== zeroAddress) {
    await upsertAccount(context, from, { balance: -value }, (row) => ({ balance: row.balance - value }));
  }
  if (to !== zeroAddress) {
    await upsertAccount(context, to, { balance: value }, (row) => ({ balance: row.balance + value }));
  }
});

ponder.on("AtlasToken:DelegateChanged", async ({ event, context }) => {
  const { delegator, fromDelegate, toDelegate } = event.args;
  const ref = eventRef(event);
  await context.db.insert(delegation).values({
    id: ref.id,
    delegator,
    fromDelegate,
    toDelegate,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  // Delegating to the zero address gives the votes up: no delegate, as `delegates()` reads it.
  const delegate = toDelegate === zeroAddress ? null : toDelegate;
  await upsertAccount(context, delegator, { delegate: delegate ?? undefined }, () => ({ delegate }));
});

ponder.on("AtlasToken:DelegateVotesChanged", async ({ event, context }) => {
  const { delegate, previousVotes, newVotes } = event.args;
  const ref = eventRef(event);
  await context.db.insert(votingPower).values({
    id: ref.id,
    account: delegate,
    previousVotes,
    newVotes,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  await upsertAccount(context, delegate, { votingPower: newVotes }, () => ({ votingPower: newVotes }));
});
