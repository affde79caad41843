/**
 * What the capital modules' handlers share: the earnings table (every payout to an account for
 * work or revenue) and pending withdrawals (what a module owes an account after a failed push).
 */
import type { Context } from "ponder:registry";
import { earning, pendingWithdrawal, withdrawalEvent } from "ponder:schema";
import type { Hex } from "viem";

import type { EventRef } from "./eventRef.ts";

type Db = Context["db"];

/** The module that pays: the bounty board, the escrow, or a split. */
export type ModuleKind = "bounty" | "escrow" | "split";

/** What paid an earning (see the `earning` table). */
export type EarningSource = "bounty" | "milestone" | "stream" | "ruling" | "split" | "distributor";

/** The source id of an escrow milestone: "<escrowId>:<index>". */
export const milestoneRef = (escrowId: bigint, index: bigint | number) => `${escrowId}:${index}`;

/** Records a payout to `account`; a zero amount is no earning. `id` defaults to the event's. */
export async function recordEarning(
  db: Db,
  ref: EventRef,
  payout: {
    readonly account: Hex;
    readonly token: Hex;
    readonly sourceKind: EarningSource;
    readonly sourceId: string;
    readonly module: Hex;
    readonly amount: bigint;
    readonly id?: string;
  },
): Promise<void> {
  if (payout.amount === 0n) return;
  await db.insert(earning).values({
    id: payout.id ?? ref.id,
    account: payout.account,
    token: payout.token,
    sourceKind: payout.sourceKind,
    sourceId: payout.sourceId,
    module: payout.module,
    amount: payout.amount,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
}

/**
 * A failed push credited to `account` (`kind` "credit") or a withdrawal (`kind` "withdrawal",
 * with its destination `to`): logs the event and applies `change` to the pending amount.
 */
export async function changePendingWithdrawal(
  db: Db,
  ref: EventRef,
  entry: {
    readonly module: Hex;
    readonly moduleKind: ModuleKind;
    readonly kind: "credit" | "withdrawal";
    readonly account: Hex;
    readonly token: Hex;
    readonly amount: bigint;
    readonly to?: Hex;
  },
  change: (pending: bigint) => bigint,
): Promise<void> {
  const { module, moduleKind, kind, account, token, amount } = entry;
  await db.insert(withdrawalEvent).values({
    id: ref.id,
    module,
    moduleKind,
    kind,
    account,
    token,
    amount,
    to: entry.to ?? null,
    blockNumber: ref.blockNumber,
    timestamp: ref.timestamp,
    transactionHash: ref.transactionHash,
    logIndex: ref.logIndex,
  });
  await db
    .insert(pendingWithdrawal)
    .values({ module, moduleKind, account, token, amount: change(0n) })
    .onConflictDoUpdate((row) => ({ amount: change(row.amount) }));
}
