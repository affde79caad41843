/**
 * The main job's local chain: `hardhat node --network atlasNode` (a fixed genesis date, see
 * hardhat.config.ts) plus a record of its blocks. Hardhat's node keeps state in memory only, so
 * on shutdown every block's signed transactions and timestamp are saved, and the next start
 * replays them into a fresh node: same genesis, same transactions, same timestamps give the same
 * block hashes, so the deployment, the scenario and the indexer's database all stay valid.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import {
  createPublicClient,
  createTestClient,
  http,
  serializeTransaction,
  type Hash,
  type Hex,
  type Transaction,
  type TransactionSerializable,
} from "viem";
import { hardhat } from "viem/chains";

import { HARDHAT_CLI, rpcAnswers, start, waitFor, type Started } from "../lib/processes.ts";

interface RecordedBlock {
  readonly number: number;
  readonly timestamp: number;
  readonly hash: Hash;
  readonly transactions: Hex[];
}

export interface LocalChain {
  readonly url: string;
  readonly node: Started;
  /** Blocks replayed from the record (0 on a new chain). */
  readonly replayedBlocks: number;
}

export async function startLocalChain(
  port: number,
  recordFile: string,
  log: (line: string) => void,
): Promise<LocalChain> {
  const url = `http://127.0.0.1:${port}`;
  if (await rpcAnswers(url).catch(() => false)) {
    throw new Error(`something already answers on ${url}: stop it, or set ATLAS_CHAIN_PORT to another port`);
  }
  const node = start(
    process.execPath,
    [HARDHAT_CLI, "node", "--network", "atlasNode", "--hostname", "127.0.0.1", "--port", String(port)],
    { detached: true },
  );
  await waitFor(`hardhat node on ${url}`, () => rpcAnswers(url), { started: node });

  let replayedBlocks = 0;
  if (existsSync(recordFile)) {
    const blocks = JSON.parse(readFileSync(recordFile, "utf8")) as RecordedBlock[];
    log(`Replaying ${blocks.length} recorded blocks into the new node...`);
    const test = createTestClient({ chain: hardhat, mode: "hardhat", transport: http(url) });
    const client = createPublicClient({ chain: hardhat, transport: http(url) });
    await test.setAutomine(false);
    for (const block of blocks) {
      for (const raw of block.transactions) await client.request({ method: "eth_sendRawTransaction", params: [raw] });
      await test.request({ method: "evm_mine", params: [block.timestamp] } as never);
    }
    await test.setAutomine(true);
    const last = blocks.at(-1);
    if (last) {
      const replayed = await client.getBlock({ blockNumber: BigInt(last.number) });
      if (replayed.hash !== last.hash) {
        throw new Error(
          `Replaying the recorded chain gave block ${last.number} hash ${replayed.hash}, not ${last.hash}: run with --fresh.`,
        );
      }
    }
    replayedBlocks = blocks.length;
  }
  return { url, node, replayedBlocks };
}

/** Saves every block's signed transactions and timestamp, for the next start to replay. */
export async function recordChain(url: string, recordFile: string): Promise<number> {
  const client = createPublicClient({ chain: hardhat, transport: http(url) });
  const latest = Number(await client.getBlockNumber());
  const blocks: RecordedBlock[] = [];
  for (let number = 1; number <= latest; number++) {
    const block = await client.getBlock({ blockNumber: BigInt(number), includeTransactions: true });
    blocks.push({
      number,
      timestamp: Number(block.timestamp),
      hash: block.hash,
      transactions: block.transactions.map(signedTransaction),
    });
  }
  writeFileSync(recordFile, `${JSON.stringify(blocks)}\n`);
  return blocks.length;
}

/** The signed, serialized form of a mined transaction (the node has no eth_getRawTransactionByHash). */
function signedTransaction(tx: Transaction): Hex {
  const base = {
    chainId: tx.chainId ?? hardhat.id,
    nonce: tx.nonce,
    to: tx.to ?? undefined,
    value: tx.value,
    data: tx.input,
    gas: tx.gas,
  };
  const signature = { r: tx.r, s: tx.s, yParity: tx.yParity ?? (Number(tx.v) % 2 === 0 ? 1 : 0) };
  let serializable: TransactionSerializable;
  if (tx.type === "eip1559") {
    serializable = {
      ...base,
      type: "eip1559",
      maxFeePerGas: tx.maxFeePerGas,
      maxPriorityFeePerGas: tx.maxPriorityFeePerGas,
      accessList: tx.accessList,
    };
  } else if (tx.type === "eip2930") {
    serializable = { ...base, type: "eip2930", gasPrice: tx.gasPrice, accessList: tx.accessList };
  } else if (tx.type === "legacy") {
    return serializeTransaction({ ...base, type: "legacy", gasPrice: tx.gasPrice }, { r: tx.r, s: tx.s, v: tx.v });
  } else {
    throw new Error(`cannot record a ${tx.type} transaction (${tx.hash})`);
  }
  return serializeTransaction(serializable, signature);
}
