/**
 * Test-only: the end of the recorded world. One Active proposal per indexer suite that votes
 * after the backfill, a proposal still pending, and busy blocks: many ATLAS transfers in each
 * block (automine off), so an indexer's backfill is long enough to interrupt.
 */
import { encodeFunctionData, type Address, type Hex } from "viem";

import { atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import type { ScenarioContext } from "./context.ts";
import { treasuryTransfer } from "./governanceEdges.ts";
import { chapter, type ScenarioStep } from "./step.ts";

const ATLAS = 10n ** 18n;
/** Blocks of transfers, and transfers per block. */
export const BUSY = { blocks: 120, perBlock: 40 } as const;

/** Sends `calls` from node accounts in one JSON-RPC batch (the node fills in nonces), unmined. */
async function sendBatch(ctx: ScenarioContext, calls: readonly { from: Address; to: Address; data: Hex }[]) {
  const response = await fetch(ctx.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      calls.map((call, id) => ({
        jsonrpc: "2.0",
        id,
        method: "eth_sendTransaction",
        params: [{ ...call, gas: "0x30000" }],
      })),
    ),
  });
  const answers = (await response.json()) as { error?: { message: string } }[];
  const failed = answers.find((a) => a.error !== undefined);
  if (failed) throw new Error(`eth_sendTransaction: ${failed.error!.message}`);
}

const step = chapter("The end of the world (test only)", { testOnly: true });

export const WORLD_END_STEPS: readonly ScenarioStep[] = [
  step("proposals for live votes", "governance", async (ctx) => {
    const governance = ctx.as(ctx.accounts.alice).governance;
    const pglite = await governance.propose(treasuryTransfer(ctx, "Voted on after the backfill (PGlite)", 100n, "0"));
    const postgres = await governance.propose(
      treasuryTransfer(ctx, "Voted on after the backfill (PostgreSQL)", 200n, "0"),
    );
    ctx.ids.liveVote = { pglite: pglite.proposalId, postgres: postgres.proposalId };
    const { snapshot } = await governance.getProposal({ proposalId: postgres.proposalId });
    await ctx.travelTo(snapshot + 1n);
    return { detail: "two Active proposals without votes, one per indexer suite", tx: postgres.hash };
  }),
  step("propose (left pending)", "governance", async (ctx) => {
    const proposed = await ctx.as(ctx.accounts.alice).governance.propose(treasuryTransfer(ctx, "Next quarter's audit"));
    ctx.ids.pending = proposed.proposalId;
    return { detail: "created last: pending at the end of the world", tx: proposed.hash };
  }),
  // Batches of token transfers among the four holders (each a Transfer and two
  // DelegateVotesChanged), mined together with automine off.
  step("busy blocks", "governance", async (ctx) => {
    const { alice, bob, carol, dave } = ctx.accounts;
    const holders = [alice, bob, carol, dave];
    const firstBlock = (await ctx.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
    await ctx.testClient.setAutomine(false);
    try {
      for (let block = 0; block < BUSY.blocks; block++) {
        const calls = Array.from({ length: BUSY.perBlock }, (_, i) => {
          const from = holders[(block + i) % holders.length];
          const to = holders[(block + i + 1 + (i % 3)) % holders.length];
          return {
            from,
            to: ctx.book.contracts.token.address,
            data: encodeFunctionData({
              abi: atlasTokenAbi,
              functionName: "transfer",
              args: [to, BigInt(1 + ((block * BUSY.perBlock + i) % 97)) * ATLAS],
            }),
          };
        });
        await sendBatch(ctx, calls);
        await ctx.testClient.mine({ blocks: 1 });
      }
    } finally {
      await ctx.testClient.setAutomine(true);
    }
    const lastBlock = await ctx.publicClient.getBlockNumber({ cacheTime: 0 });
    const transfers = BUSY.blocks * BUSY.perBlock;
    ctx.ids.busy = { firstBlock, lastBlock, transfers };
    return { detail: `${transfers} ATLAS transfers among the holders in ${BUSY.blocks} blocks` };
  }),
];
