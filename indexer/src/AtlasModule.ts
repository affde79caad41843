/**
 * Pause handlers of every AtlasModule (SovereignRegistry, ContributionLedger, BountyBoard,
 * MilestoneEscrow, Arbitration): each module's `module_clock` row does what AtlasModule does to its
 * pause storage, so the API can compute `pauseState()` and the module's clock (the block time minus
 * the time spent paused) at any indexed block, as the escrow's and the board's deadlines need.
 */
import { ponder, type Context } from "ponder:registry";
import { moduleClock } from "ponder:schema";
import { isAddressEqual, type Hex } from "viem";

import { book } from "../settings.ts";

type ModuleClockRow = typeof moduleClock.$inferSelect;

/** AtlasModule.DEFAULT_MAX_PAUSE_DURATION: the longest pause while governance never set one. */
const DEFAULT_MAX_PAUSE_DURATION = 14n * 86_400n;

/** The contracts that are AtlasModules, by their Ponder names. */
type ModuleName = "SovereignRegistry" | "ContributionLedger" | "BountyBoard" | "MilestoneEscrow" | "Arbitration";

interface ModuleEvent {
  readonly block: { readonly number: bigint; readonly timestamp: bigint };
  readonly log: { readonly address: Hex };
}

/** Applies `change` to the module's row, created as "never paused" on its first pause event. */
async function changeClock(
  db: Context["db"],
  name: ModuleName,
  event: ModuleEvent,
  change: (row: ModuleClockRow) => Partial<ModuleClockRow>,
): Promise<void> {
  const address = event.log.address;
  const row: ModuleClockRow = (await db.find(moduleClock, { address })) ?? {
    address,
    name,
    pauseFlag: false,
    pausedAt: 0n,
    pauseEndsAt: 0n,
    pausedBefore: 0n,
    maxPauseDuration: 0n,
    guardianReadyAt: 0n,
    pauseCount: 0,
    blockNumber: event.block.number,
  };
  const changed = { ...change(row), blockNumber: event.block.number };
  await db
    .insert(moduleClock)
    .values({ ...row, ...changed })
    .onConflictDoUpdate(changed);
}

const maxPauseDuration = (row: ModuleClockRow) =>
  row.maxPauseDuration === 0n ? DEFAULT_MAX_PAUSE_DURATION : row.maxPauseDuration;

function indexPauses(name: ModuleName): void {
  // pause(): a pause that ended by itself (the flag still set) is settled in full, then the new one
  // begins; PauseEndSet follows with its end. The guardian (anyone but governance) must then wait
  // twice the longest pause before pausing again.
  ponder.on(`${name}:Paused`, async ({ event, context }) => {
    const now = event.block.timestamp;
    const byGovernance = isAddressEqual(event.args.account, book.contracts.timelock.address);
    await changeClock(context.db, name, event, (row) => ({
      pausedBefore: row.pauseFlag ? row.pausedBefore + row.pauseEndsAt - row.pausedAt : row.pausedBefore,
      pauseFlag: true,
      pausedAt: now,
      pauseEndsAt: now + maxPauseDuration(row),
      guardianReadyAt: byGovernance ? row.guardianReadyAt : now + 2n * maxPauseDuration(row),
      pauseCount: row.pauseCount + 1,
    }));
  });

  // pause() and extendPause(endsAt).
  ponder.on(`${name}:PauseEndSet`, async ({ event, context }) => {
    await changeClock(context.db, name, event, () => ({ pauseEndsAt: event.args.endsAt }));
  });

  // unpause(): the pause ends now (or ended already, at its end).
  ponder.on(`${name}:Unpaused`, async ({ event, context }) => {
    const now = event.block.timestamp;
    await changeClock(context.db, name, event, (row) => {
      const endedAt = now < row.pauseEndsAt ? now : row.pauseEndsAt;
      return { pausedBefore: row.pausedBefore + endedAt - row.pausedAt, pauseEndsAt: endedAt, pauseFlag: false };
    });
  });

  ponder.on(`${name}:MaxPauseDurationSet`, async ({ event, context }) => {
    await changeClock(context.db, name, event, () => ({ maxPauseDuration: event.args.newDuration }));
  });

  // A new guardian may pause at once.
  ponder.on(`${name}:GuardianChanged`, async ({ event, context }) => {
    await changeClock(context.db, name, event, () => ({ guardianReadyAt: 0n }));
  });
}

for (const name of [
  "SovereignRegistry",
  "ContributionLedger",
  "BountyBoard",
  "MilestoneEscrow",
  "Arbitration",
] as const satisfies readonly ModuleName[]) {
  indexPauses(name);
}
