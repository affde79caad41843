/**
 * The main job's local chain: `hardhat node --network atlasNode` (a fixed genesis date, see
 * hardhat.config.ts) plus a record of its blocks. Hardhat's node keeps state in memory only, so
 * on shutdown every block's signed transactions and timestamp are saved, and the next start
 * replays them into a fresh node: same genesis, same transactions, same timestamps give the same
 * block hashes, so the deployment, the scenario and the indexer's database all stay valid.
 *
 * The end-to-end tests' recorded world (test/e2e/world.ts) is kept the same way, with two more
 * kinds of entries its test-only steps need: transactions sent as an impersonated account (the
 * node signs them with a fake signature, r = s = the sender: replayed by impersonating it again)
 * and edits that are not transactions (a balance the node was told to set), replayed before the
 * block they preceded.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import {
  createPublicClient,
  createTestClient,
  http,
  numberToHex,
  serializeTransaction,
  type Address,
  type Hash,
  type Hex,
  type Transaction,
  type TransactionSerializable,
} from "viem";
import { hardhat } from "viem/chains";

import { HARDHAT_CLI, rpcAnswers, start, waitFor, type Started } from "../lib/processes.ts";

/** A state change that is no transaction, made before block `block` was mined. */
export interface ChainEdit {
  readonly block: number;
  readonly method: "hardhat_setBalance";
  readonly params: readonly [Address, Hex];
}

/** A transaction an impersonated account sent: its fields, to send it again the same way. */
interface ImpersonatedTransaction {
  readonly impersonated: {
    readonly from: Address;
    readonly to?: Address;
    readonly value: Hex;
    readonly data: Hex;
    readonly gas: Hex;
    readonly nonce: Hex;
    readonly maxFeePerGas?: Hex;
    readonly maxPriorityFeePerGas?: Hex;
    readonly gasPrice?: Hex;
  };
}

interface RecordedBlock {
  readonly number: number;
  readonly timestamp: number;
  readonly hash: Hash;
  /** Signed transactions, or impersonated ones. */
  readonly transactions: (Hex | ImpersonatedTransaction)[];
  readonly edits?: ChainEdit[];
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
    const send = (method: string, params: readonly unknown[]) => test.request({ method, params } as never);
    await test.setAutomine(false);
    for (const block of blocks) {
      for (const edit of block.edits ?? []) await send(edit.method, edit.params);
      for (const tx of block.transactions) {
        if (typeof tx === "string") {
          await client.request({ method: "eth_sendRawTransaction", params: [tx] });
          continue;
        }
        const { from } = tx.impersonated;
        await send("hardhat_impersonateAccount", [from]);
        await send("eth_sendTransaction", [tx.impersonated]);
        await send("hardhat_stopImpersonatingAccount", [from]);
      }
      await send("evm_mine", [block.timestamp]);
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

/**
 * Saves every block's signed transactions and timestamp, for the next start to replay, with the
 * `edits` made before them (the end-to-end world's balance edits).
 */
export async function recordChain(url: string, recordFile: string, edits: readonly ChainEdit[] = []): Promise<number> {
  const client = createPublicClient({ chain: hardhat, transport: http(url) });
  const latest = Number(await client.getBlockNumber({ cacheTime: 0 }));
  const blocks: RecordedBlock[] = [];
  for (let number = 1; number <= latest; number++) {
    const block = await client.getBlock({ blockNumber: BigInt(number), includeTransactions: true });
    const before = edits.filter((edit) => edit.block === number);
    blocks.push({
      number,
      timestamp: Number(block.timestamp),
      hash: block.hash,
      transactions: block.transactions.map(recordedTransaction),
      ...(before.length > 0 ? { edits: before } : {}),
    });
  }
  writeFileSync(recordFile, `${JSON.stringify(blocks)}\n`);
  return blocks.length;
}

/** A mined transaction as the record keeps it: signed, or the fields of an impersonated one. */
function recordedTransaction(tx: Transaction): Hex | ImpersonatedTransaction {
  // The node signs an impersonated account's transaction with r = s = its address.
  if (BigInt(tx.r) === BigInt(tx.from) && BigInt(tx.s) === BigInt(tx.from)) {
    const fees =
      tx.type === "eip1559"
        ? { maxFeePerGas: numberToHex(tx.maxFeePerGas), maxPriorityFeePerGas: numberToHex(tx.maxPriorityFeePerGas) }
        : { gasPrice: numberToHex(tx.gasPrice!) };
    return {
      impersonated: {
        from: tx.from,
        ...(tx.to ? { to: tx.to } : {}),
        value: numberToHex(tx.value),
        data: tx.input,
        gas: numberToHex(tx.gas),
        nonce: numberToHex(tx.nonce),
        ...fees,
      },
    };
  }
  return signedTransaction(tx);
}

/**
 * A hash of the bytecode of everything the local deployment and the scenario deploy (the project's
 * contracts, OpenZeppelin's and EAS's, the test mocks the scenario deploys): when it differs from
 * the one recorded with a chain, the recorded chain holds other contracts than the code.
 */
export function contractsFingerprint(root: string): string {
  const hash = createHash("sha256");
  const artifacts = path.join(root, "artifacts");
  const roots = ["contracts", "@openzeppelin", "@ethereum-attestation-service", path.join("test", "mocks", "tokens")];
  const files = roots
    .flatMap((dir) =>
      existsSync(path.join(artifacts, dir))
        ? readdirSync(path.join(artifacts, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f))
        : [],
    )
    .filter((file) => file.endsWith(".json") && !file.endsWith(".dbg.json"))
    .sort();
  for (const file of files) {
    const { bytecode } = JSON.parse(readFileSync(path.join(artifacts, file), "utf8")) as { bytecode?: string };
    if (bytecode !== undefined) hash.update(`${file}\0${bytecode}\0`);
  }
  return hash.digest("hex");
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
