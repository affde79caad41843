/**
 * What the routes read once per indexed head, whatever the number of requests: the head itself
 * (one coalesced query per burst), the governor's state of every proposal (one multicall), a
 * bounty's refunds (one multicall) and the modules' clocks. Each is cached by the head it was read
 * at (cache.ts) and shared by concurrent requests; the response cache (responseCache.ts) sits on
 * top, and a request that bypasses it (`Cache-Control: no-cache`) still reads the chain at most
 * once per head.
 */
import { db, publicClients } from "ponder:api";
import { moduleClock, proposal } from "ponder:schema";
import type { ProposalState } from "@atlas-os/sdk";
import type { Context } from "hono";
import type { Hex } from "viem";

import { book } from "../../settings.ts";
import { HeadCache } from "./cache.ts";
import { pauseState, type PauseState } from "./capitalTime.ts";
import { headReader, type IndexedHead } from "./head.ts";
import type { HeadVariables } from "./responseCache.ts";
import { readProposalStates, readRefunds } from "./state.ts";

/** The Hono environment of the REST routes: the response cache sets the head of the answer. */
export interface ApiEnv {
  Variables: HeadVariables<IndexedHead>;
}

/** A fresh read of the head, shared by concurrent callers. */
export const readHead = headReader(db);

/** The head the answer is for: the one the response cache read for this request, else a fresh read. */
export function headOf(c: Context<ApiEnv>): Promise<IndexedHead> {
  const head = c.get("head") as IndexedHead | undefined;
  return head === undefined ? readHead() : Promise.resolve(head);
}

const chainClient = publicClients.chain;

const proposalStates = new HeadCache<ReadonlyMap<bigint, ProposalState>>();

/** `state(id)` of every indexed proposal at the head's block: one multicall per head. */
export async function proposalStatesAt(
  head: IndexedHead,
  ids: readonly bigint[],
): Promise<ReadonlyMap<bigint, ProposalState>> {
  const governor = book.contracts.governor.address;
  const states = await proposalStates.get(head, "all", async () => {
    const rows = await db.select({ id: proposal.id }).from(proposal);
    return readProposalStates(
      chainClient,
      governor,
      rows.map((row) => row.id),
      head.blockNumber,
    );
  });
  // A proposal indexed after the list was read (a block landed in between): read it on its own.
  const missing = ids.filter((id) => !states.has(id));
  if (missing.length === 0) return states;
  const more = await readProposalStates(chainClient, governor, missing, head.blockNumber);
  return new Map([...states, ...more]);
}

const refunds = new HeadCache<ReadonlyMap<Hex, bigint>>();

/** The board's `refundOf(bountyId, funder)` of each funder at the head's block: one multicall per head. */
export function refundsAt(
  head: IndexedHead,
  bountyId: bigint,
  funders: readonly Hex[],
): Promise<ReadonlyMap<Hex, bigint>> {
  return refunds.get(head, `${bountyId}:${funders.join(",")}`, () =>
    readRefunds(chainClient, book.contracts.bountyBoard.address, bountyId, funders, head.blockNumber),
  );
}

/** The AtlasModules of the address book, by the names the `module_clock` rows carry. */
export const MODULES = {
  SovereignRegistry: book.contracts.registry.address,
  ContributionLedger: book.contracts.ledger.address,
  BountyBoard: book.contracts.bountyBoard.address,
  MilestoneEscrow: book.contracts.escrow.address,
  Arbitration: book.contracts.arbitration.address,
} as const;

export type ModuleName = keyof typeof MODULES;

const pauses = new HeadCache<Record<ModuleName, PauseState>>();

/** Each module's `pauseState()` at the head's time, by name: one query per head. */
export function pauseStatesAt(head: IndexedHead): Promise<Record<ModuleName, PauseState>> {
  return pauses.get(head, "all", async () => {
    const rows = await db.select().from(moduleClock);
    const byAddress = new Map(rows.map((row) => [row.address.toLowerCase(), row]));
    return Object.fromEntries(
      Object.entries(MODULES).map(([name, address]) => [
        name,
        pauseState(byAddress.get(address.toLowerCase()), head.timestamp),
      ]),
    ) as Record<ModuleName, PauseState>;
  });
}
