/**
 * What every scenario step runs with: the clients of the node, the named accounts, the address
 * book, the contracts the scenario deploys beside the stack, and the ids earlier steps produced.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  getAddress,
  http,
  keccak256,
  numberToHex,
  toHex,
  type Abi,
  type Account,
  type Address,
  type Hash,
  type Hex,
  type LocalAccount,
  type PublicClient,
  type TestClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import { addressesOf, allLayers, createAtlasClient, type AddressBook, type AtlasClient } from "../../sdk/src/index.ts";
import type { ChainEdit } from "../main/chain.ts";
import type { ProducedIds, ScenarioIds } from "./ids.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The key of the main job's off-chain signer (a "wallet" that signs, never sends). */
const SIGNER_KEY = "0x6a0b0f5d5c1f0a3e0c4d7b2a9e8f1c3d5b7a9c1e3f5a7b9d1c3e5f7a9b1d3c5e" as const;

/**
 * The scenario's people. Dev accounts by index (deploy/config.ts names 1, 2–5, 17, 18 and 19):
 * 0 deploys, 1 pauses the modules, 2–5 hold ATLAS at genesis, 6 is the treasury's grantee, 7–16
 * are the main job's graph and capital actors, 17 guards proposals, 18 and 19 are Arbitration's
 * fallback arbiters. Local accounts sign in this process; their keys never reach the node.
 */
export interface ScenarioAccounts {
  readonly deployer: Address;
  readonly guardian: Address;
  readonly alice: Address;
  readonly bob: Address;
  readonly carol: Address;
  readonly dave: Address;
  /** The treasury grantee of the main job's proposal; eve in the test-only steps. */
  readonly eve: Address;
  readonly northAdmin: Address;
  readonly southAdmin: Address;
  readonly northIssuer: Address;
  readonly southIssuer: Address;
  readonly citizen: Address;
  readonly verifier: Address;
  readonly operator: Address;
  /** North's AI agent member (a dev account). */
  readonly agent: Address;
  readonly arbiter: Address;
  readonly keeper: Address;
  readonly fallbackOne: Address;
  readonly fallbackTwo: Address;
  /** The main job's off-chain signer: delegates and votes by signature, relayed by dave. */
  readonly signer: LocalAccount;
  /** The test-only governance steps' off-chain voter. */
  readonly voter: LocalAccount;
  /** Atlantis' AI agent (test-only steps), a local account. */
  readonly edgeAgent: LocalAccount;
  /** Admitted to atlantis, then removed (test-only steps). */
  readonly frank: LocalAccount;
}

/** Compiled contracts the scenario deploys beside the stack. */
export interface ScenarioArtifacts {
  /** nUSD, the main job's demo stablecoin. */
  readonly demoStablecoin: { readonly abi: Abi; readonly bytecode: Hex };
  /** A contract that refuses ETH: a split recipient whose share is deferred. */
  readonly revertingReceiver: { readonly abi: Abi; readonly bytecode: Hex };
}

type Wallet = WalletClient<Transport, typeof hardhat, Account>;

export interface ScenarioContext {
  readonly url: string;
  readonly book: AddressBook;
  readonly publicClient: PublicClient<Transport, typeof hardhat>;
  readonly testClient: TestClient<"hardhat", Transport, typeof hardhat>;
  readonly accounts: ScenarioAccounts;
  readonly artifacts: ScenarioArtifacts;
  /** The ids the steps produced so far. */
  readonly ids: ProducedIds;
  /** State edits that are not transactions (balances set by the node), in order: a recording replays them. */
  readonly edits: ChainEdit[];
  /** An id an earlier step produced; throws when none did. */
  need<K extends keyof ScenarioIds>(key: K): ScenarioIds[K];
  /** An Atlas client whose wallet is `account`. */
  as(account: Address | LocalAccount): AtlasClient;
  wallet(account: Address | LocalAccount): Wallet;
  /** Waits for a transaction; throws when it reverted. */
  mined(hash: Hash | Promise<Hash>): Promise<TransactionReceipt>;
  /** The latest block's time. */
  now(): Promise<bigint>;
  /** Mines a block at `timestamp`. */
  travelTo(timestamp: bigint): Promise<void>;
  /** Sets an account's ETH balance (an edit: recorded for a replay). */
  setBalance(address: Address, value: bigint): Promise<void>;
  /** Runs `send` as `address`, impersonated on the node (given `gas` ETH first when it holds less). */
  impersonating<T>(address: Address, send: (wallet: Wallet) => Promise<T>, gas?: bigint): Promise<T>;
}

const DEV_ACCOUNTS = 20;

/** The address of every account of the scenario, dev and local. */
export function accountAddresses(accounts: ScenarioAccounts): Address[] {
  const all: Readonly<Record<keyof ScenarioAccounts, Address | LocalAccount>> = accounts;
  return Object.values(all).map((account) => getAddress(typeof account === "string" ? account : account.address));
}

/** The context of a node at `url` on which the stack of `book` is deployed. */
export async function createScenarioContext(url: string, book: AddressBook): Promise<ScenarioContext> {
  const transport = http(url, { retryCount: 0 });
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 50 });
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport });
  const dev = (await createWalletClient({ chain: hardhat, transport }).getAddresses()).map((a) => getAddress(a));
  if (dev.length < DEV_ACCOUNTS)
    throw new Error(`the scenario needs ${DEV_ACCOUNTS} dev accounts, the node has ${dev.length}`);
  const local = (name: string) => privateKeyToAccount(keccak256(toHex(name)));
  const accounts: ScenarioAccounts = {
    deployer: dev[0],
    guardian: dev[1],
    alice: dev[2],
    bob: dev[3],
    carol: dev[4],
    dave: dev[5],
    eve: dev[6],
    northAdmin: dev[7],
    southAdmin: dev[8],
    northIssuer: dev[9],
    southIssuer: dev[10],
    citizen: dev[11],
    verifier: dev[12],
    operator: dev[13],
    agent: dev[14],
    arbiter: dev[15],
    keeper: dev[16],
    fallbackOne: dev[18],
    fallbackTwo: dev[19],
    signer: privateKeyToAccount(SIGNER_KEY),
    voter: local("atlas-os indexer test voter"),
    edgeAgent: local("atlas-os indexer test agent"),
    frank: local("atlas-os indexer test frank"),
  };
  const addresses = addressesOf(book);
  const wallet = (account: Address | LocalAccount): Wallet =>
    createWalletClient({ account, chain: hardhat, transport, pollingInterval: 50 });
  const ids: ProducedIds = {};
  const edits: ChainEdit[] = [];
  const mined = async (hash: Hash | Promise<Hash>) => {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
    return receipt;
  };
  const setBalance = async (address: Address, value: bigint) => {
    const block = Number(await publicClient.getBlockNumber({ cacheTime: 0 })) + 1;
    const edit: ChainEdit = { block, method: "hardhat_setBalance", params: [address, numberToHex(value)] };
    await testClient.request({ method: edit.method, params: edit.params } as never);
    edits.push(edit);
  };
  return {
    url,
    book,
    publicClient,
    testClient,
    accounts,
    artifacts: {
      demoStablecoin: readArtifact("test/mocks/tokens/DemoStablecoin.sol/DemoStablecoin.json"),
      revertingReceiver: readArtifact("test/mocks/tokens/Receivers.sol/RevertingReceiver.json"),
    },
    ids,
    edits,
    need(key) {
      const value = ids[key];
      if (value === undefined) throw new Error(`no earlier step produced "${String(key)}"`);
      return value;
    },
    as: (account) => createAtlasClient({ publicClient, walletClient: wallet(account), addresses, layers: allLayers }),
    wallet,
    mined,
    now: async () => (await publicClient.getBlock({ blockTag: "latest" })).timestamp,
    async travelTo(timestamp) {
      await testClient.setNextBlockTimestamp({ timestamp });
      await testClient.mine({ blocks: 1 });
    },
    setBalance,
    async impersonating(address, send, gas = 10n ** 18n) {
      const balance = await publicClient.getBalance({ address });
      if (balance < gas) await setBalance(address, balance + gas);
      await testClient.impersonateAccount({ address });
      try {
        return await send(wallet(address));
      } finally {
        await testClient.stopImpersonatingAccount({ address });
      }
    },
  };
}

function readArtifact(file: string): { abi: Abi; bytecode: Hex } {
  const { abi, bytecode } = JSON.parse(readFileSync(path.join(ROOT, "artifacts", file), "utf8")) as {
    abi: Abi;
    bytecode: Hex;
  };
  return { abi, bytecode };
}
