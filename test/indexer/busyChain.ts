/**
 * A chain with many events in few blocks, for tests that need a backfill long enough to interrupt:
 * automine off, then batches of token transfers (each a Transfer and two DelegateVotesChanged)
 * and votes mined together.
 */
import { atlasTokenAbi } from "@atlas-os/sdk/abi";
import { encodeFunctionData, type Address, type Hex } from "viem";

import { ATLAS, type DeployedChain } from "./chain.ts";
import { rpc } from "./harness.ts";

/** Sends `calls` from node accounts in one JSON-RPC batch (the node fills in nonces), unmined. */
export async function sendBatch(
  chain: DeployedChain,
  calls: readonly { from: Address; to: Address; data: Hex }[],
): Promise<void> {
  const response = await fetch(chain.url, {
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

/**
 * Everyone delegates to themselves, then `blocks` blocks of `perBlock` transfers among the four
 * holders are mined with automine off. Returns the number of the last block.
 */
export async function fillWithTransfers(chain: DeployedChain, blocks: number, perBlock: number): Promise<bigint> {
  const { alice, bob, carol, dave } = chain.accounts;
  const holders = [alice, bob, carol, dave];
  for (const holder of holders) await chain.as(holder).governance.delegate({ delegatee: holder });
  await chain.testClient.setAutomine(false);
  try {
    for (let block = 0; block < blocks; block++) {
      const calls = Array.from({ length: perBlock }, (_, i) => {
        const from = holders[(block + i) % holders.length];
        const to = holders[(block + i + 1 + (i % 3)) % holders.length];
        return {
          from,
          to: chain.book.contracts.token.address,
          data: encodeFunctionData({
            abi: atlasTokenAbi,
            functionName: "transfer",
            args: [to, BigInt(1 + ((block * perBlock + i) % 97)) * ATLAS],
          }),
        };
      });
      await sendBatch(chain, calls);
      await rpc(chain.url, "evm_mine");
    }
  } finally {
    await chain.testClient.setAutomine(true);
  }
  return chain.publicClient.getBlockNumber({ cacheTime: 0 });
}
