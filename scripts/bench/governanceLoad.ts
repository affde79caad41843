/**
 * A busy governance chain for the indexer benchmark: on a node with the stack deployed, automine
 * off, blocks of many transactions each (sent in one JSON-RPC batch from the node's unlocked dev
 * accounts, then `evm_mine`):
 *
 *   1. the four genesis holders hand 20,000 ATLAS to each other dev account and everyone
 *      delegates to itself (every account votes);
 *   2. `proposals` proposals (a 1-wei treasury transfer each), by the holders in turn;
 *   3. after the voting delay, `transfers` token transfers (among the dev accounts, and to 1,000
 *      fresh addresses, which do not delegate) and every dev account's vote on every proposal,
 *      interleaved, `perBlock` transactions a block;
 *   4. 64 empty blocks, so that every block of the load is final for Ponder (it indexes the newest
 *      30 blocks of a local chain as unfinalized, one block at a time, after the backfill).
 *
 * A transfer between two delegating accounts logs Transfer and two DelegateVotesChanged; to a fresh
 * address, Transfer and one DelegateVotesChanged; a vote, VoteCast.
 */
import { type AddressBook } from "../../sdk/src/index.ts";
import { atlasGovernorAbi, atlasTokenAbi } from "../../sdk/src/abi/index.ts";
import { createPublicClient, encodeFunctionData, http, keccak256, toHex, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";

import { rpc } from "./processes.ts";

const ATLAS = 10n ** 18n;
/** The dev accounts holding the genesis allocation (deploy/config.ts LOCAL_ACCOUNTS.holders). */
const HOLDERS = [2, 3, 4, 5];
const FRESH_RECIPIENTS = 1_000;
const DAY = 86_400;

export interface LoadPlan {
  readonly transfers: number;
  readonly proposals: number;
  readonly perBlock: number;
}

export interface LoadSummary {
  /** Transactions sent, by kind. */
  readonly transfers: number;
  readonly votes: number;
  readonly proposals: number;
  readonly setup: number;
  /** Blocks holding the load (setup included) and the last of them. */
  readonly blocks: number;
  readonly firstBlock: bigint;
  readonly lastBlock: bigint;
  /** The head after the finality margin. */
  readonly head: bigint;
  readonly seconds: number;
}

interface Call {
  readonly from: Address;
  readonly to: Address;
  readonly data: Hex;
  readonly gas: bigint;
}

const TRANSFER_GAS = 150_000n;
const VOTE_GAS = 200_000n;
const PROPOSE_GAS = 500_000n;

export async function generateGovernanceLoad(
  url: string,
  book: AddressBook,
  plan: LoadPlan,
  progress: (line: string) => void,
): Promise<LoadSummary> {
  const began = Date.now();
  const accounts = await rpc<Address[]>(url, "eth_accounts");
  if (accounts.length < 20) throw new Error(`the node has ${accounts.length} dev accounts, the load needs 20`);
  const token = book.contracts.token.address;
  const governor = book.contracts.governor.address;
  const holders = HOLDERS.map((i) => accounts[i]);
  const others = accounts.filter((a) => !holders.includes(a));
  const fresh = Array.from(
    { length: FRESH_RECIPIENTS },
    (_, i) => keccak256(toHex(`atlas bench recipient ${i}`)).slice(0, 42) as Address,
  );
  const transfer = (from: Address, to: Address, amount: bigint): Call => ({
    from,
    to: token,
    gas: TRANSFER_GAS,
    data: encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [to, amount] }),
  });

  await rpc(url, "evm_setAutomine", [false]);
  let blocks = 0;
  let firstBlock: bigint | undefined;
  const mine = async (calls: readonly Call[]) => {
    await sendBatch(url, calls);
    const before = BigInt(await rpc<Hex>(url, "eth_blockNumber"));
    let included = 0;
    // A block holds what its gas limit allows: mine until every transaction sent is in one.
    while (included < calls.length) {
      await rpc(url, "evm_mine");
      const count = Number(BigInt(await rpc<Hex>(url, "eth_getBlockTransactionCountByNumber", ["latest"])));
      if (count === 0) throw new Error(`a block mined empty with ${calls.length - included} transactions pending`);
      included += count;
      blocks += 1;
    }
    firstBlock ??= before + 1n;
  };
  try {
    // 1. Tokens for every dev account, and everyone delegates to itself.
    const setup: Call[] = others.map((to, i) => transfer(holders[i % holders.length], to, 20_000n * ATLAS));
    for (const account of accounts) {
      setup.push({
        from: account,
        to: token,
        gas: TRANSFER_GAS,
        data: encodeFunctionData({ abi: atlasTokenAbi, functionName: "delegate", args: [account] }),
      });
    }
    await mine(setup);
    await rpc(url, "evm_increaseTime", [1]); // votes count from the block after the delegation

    // 2. Proposals.
    const proposalCalls: Call[] = [];
    for (let i = 0; i < plan.proposals; i++) {
      const targets = [token] as const;
      const values = [0n] as const;
      const calldatas = [
        encodeFunctionData({ abi: atlasTokenAbi, functionName: "transfer", args: [fresh[i % fresh.length], 1n] }),
      ] as const;
      const description = `Bench proposal #${i}: pay 1 wei to a fresh address`;
      proposalCalls.push({
        from: holders[i % holders.length],
        to: governor,
        gas: PROPOSE_GAS,
        data: encodeFunctionData({
          abi: atlasGovernorAbi,
          functionName: "propose",
          args: [[...targets], [...values], [...calldatas], description],
        }),
      });
    }
    const proposalsFrom = BigInt(await rpc<Hex>(url, "eth_blockNumber")) + 1n;
    for (let i = 0; i < proposalCalls.length; i += plan.perBlock) await mine(proposalCalls.slice(i, i + plan.perBlock));
    const client = createPublicClient({ chain: hardhat, transport: http(url) });
    const created = await client.getContractEvents({
      address: governor,
      abi: atlasGovernorAbi,
      eventName: "ProposalCreated",
      fromBlock: proposalsFrom,
    });
    if (created.length !== plan.proposals) {
      throw new Error(`${created.length} of ${plan.proposals} proposals were created (a reverted propose?)`);
    }
    const proposalIds = created.map((event) => event.args.proposalId!);
    progress(`  ${plan.proposals} proposals in ${blocks - 1} blocks`);
    await rpc(url, "evm_increaseTime", [DAY + 1]); // past the voting delay: voting opens

    // 3. Transfers and votes, interleaved.
    const votes = proposalIds.flatMap((id) => accounts.map((voter) => ({ id, voter })));
    const total = plan.transfers + votes.length;
    const work: Call[] = [];
    let nextVote = 0;
    for (let i = 0; i < total; i++) {
      // Spread the votes evenly among the transfers.
      const voteDue = Math.floor(((i + 1) * votes.length) / total) > nextVote;
      if (voteDue) {
        const { id, voter } = votes[nextVote++];
        work.push({
          from: voter,
          to: governor,
          gas: VOTE_GAS,
          data: encodeFunctionData({ abi: atlasGovernorAbi, functionName: "castVote", args: [id, 1] }),
        });
      } else {
        const from = accounts[i % accounts.length];
        const to = i % 3 === 0 ? fresh[i % fresh.length] : accounts[(i * 7 + 1 + (i % 19)) % accounts.length];
        work.push(transfer(from, to === from ? fresh[i % fresh.length] : to, BigInt(1 + (i % 97)) * 10n ** 15n));
      }
    }
    let lastReport = Date.now();
    for (let i = 0; i < work.length; i += plan.perBlock) {
      await mine(work.slice(i, i + plan.perBlock));
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        progress(
          `  ${Math.min(i + plan.perBlock, work.length).toLocaleString("en-US")} of ${work.length.toLocaleString("en-US")} transactions mined`,
        );
      }
    }
    const lastBlock = BigInt(await rpc<Hex>(url, "eth_blockNumber"));

    // 4. Finality margin, one evm_mine at a time: blocks that hardhat_mine reserves in bulk get other
    // hashes once read, which Ponder's live sync takes for a reorganisation below its finalized block.
    for (let i = 0; i < 64; i++) await rpc(url, "evm_mine");
    const head = BigInt(await rpc<Hex>(url, "eth_blockNumber"));
    return {
      transfers: plan.transfers,
      votes: votes.length,
      proposals: plan.proposals,
      setup: setup.length,
      blocks,
      firstBlock: firstBlock!,
      lastBlock,
      head,
      seconds: (Date.now() - began) / 1_000,
    };
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
}

/** Sends `calls` in one JSON-RPC batch of eth_sendTransaction (the node signs and fills in nonces), unmined. */
async function sendBatch(url: string, calls: readonly Call[]): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      calls.map((call, id) => ({
        jsonrpc: "2.0",
        id,
        method: "eth_sendTransaction",
        params: [{ from: call.from, to: call.to, data: call.data, gas: toHex(call.gas) }],
      })),
    ),
  });
  const answers = (await response.json()) as { error?: { message: string } }[];
  const failed = answers.find((a) => a.error !== undefined);
  if (failed) throw new Error(`eth_sendTransaction: ${failed.error!.message}`);
}
