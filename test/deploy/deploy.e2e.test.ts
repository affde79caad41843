/**
 * End to end on a real local chain over HTTP: `npm run deploy -- --network localhost` (the same
 * command as for Sepolia, only the network name differs) deploys the stack and writes the address
 * book; a second run sends no transaction; the capital layer is wired by governance and the
 * timelock handed over; then the SDK, given nothing but that address book, reads and writes
 * governance on the node. The local node is the end-to-end world's (test/e2e/world.ts): a chain
 * already in use, which a new deployment (its own journal and address book) must not mind.
 */
import type { ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { JsonRpcProvider } from "ethers";
import { createPublicClient, createWalletClient, getAddress, http, parseEther } from "viem";
import { hardhat } from "viem/chains";

import { DAY } from "../../deploy/governance.ts";
import { DEFAULT_ARBITRATION_PERIODS } from "../../deploy/capital.ts";
import { LOCAL_ACCOUNTS } from "../../deploy/config.ts";
import {
  ADDRESS_BOOK_CONTRACTS,
  addressesOf,
  createAtlasClient,
  governance,
  type AddressBook,
} from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { useWorld } from "../e2e/world.ts";
import { freePort, runNpm, startHardhatNode, stop } from "../helpers/processes.ts";
import {
  expectCapitalDeployed,
  expectCapitalWired,
  expectHandedOver,
  expectSeparateGuardians,
  type StackAddresses,
  type StackExpectations,
} from "./stack.behavior.ts";

/** The capital contracts the deployment adds to the address book. */
const CAPITAL_CONTRACTS = ["bountyBoard", "escrow", "arbitration", "splitFactory"] as const;

/** What the checks of stack.behavior.ts read, from an address book. */
function stackOf(book: AddressBook): StackAddresses {
  const a = addressesOf(book);
  return {
    timelock: a.timelock,
    governor: a.governor,
    registry: a.registry,
    ledger: a.ledger,
    bountyBoard: a.bountyBoard,
    escrow: a.escrow,
    arbitration: a.arbitration,
    splitFactory: a.splitFactory,
  };
}

/** Runs `check` with an ethers provider on `url`, destroyed afterwards (it must not keep the process alive). */
async function withProvider(url: string, chainId: number, check: (provider: JsonRpcProvider) => Promise<void>) {
  const provider = new JsonRpcProvider(url, chainId, { staticNetwork: true });
  try {
    await check(provider);
  } finally {
    provider.destroy();
  }
}

/** The dev accounts of the node at `url`. */
async function devAccounts(url: string) {
  return createWalletClient({ transport: http(url) }).getAddresses();
}

describe("deploy to a Hardhat node over HTTP", function () {
  this.timeout(240_000);

  let url: string;
  let booksDir: string;
  const deploymentId = `atlas-31337-e2e-${process.pid}`;
  const deploy = () =>
    runNpm(["run", "deploy", "--", "--network", "localhost"], {
      ATLAS_LOCALHOST_URL: url,
      ATLAS_DEPLOYMENTS_DIR: booksDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
    });
  const rpcWith = async (method: string, params: unknown[]) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    return ((await response.json()) as { result: string }).result;
  };
  const rpc = (method: string) => rpcWith(method, []);
  /** The addresses Ignition's journal recorded, by future id. */
  const journalAddresses = () =>
    JSON.parse(
      readFileSync(path.join("ignition", "deployments", deploymentId, "deployed_addresses.json"), "utf8"),
    ) as Record<string, string>;

  before(async function () {
    ({ url } = await useWorld(this.test?.parent?.fullTitle() ?? "deploy"));
    booksDir = await mkdtemp(path.join(tmpdir(), "atlas-books-"));
  });

  after(function () {
    rmSync(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
    rmSync(booksDir, { recursive: true, force: true });
  });

  it("deploys, writes the address book, and changes nothing when run again", async function () {
    const worldHead = Number(await rpc("eth_blockNumber"));
    const first = await deploy();
    expect(first.code, first.output).to.equal(0);
    const book = await readAddressBook(31337, booksDir);
    const bookBytes = readFileSync(path.join(booksDir, "31337.json"));
    expect(book.contracts.timelock.blockNumber, "deployed after the world's blocks").to.be.greaterThan(worldHead);
    expect(book.contracts.token.blockNumber).to.be.greaterThanOrEqual(book.contracts.timelock.blockNumber);
    expect(book.contracts.governor.blockNumber).to.be.greaterThanOrEqual(book.contracts.token.blockNumber);

    // The capital contracts, each at its proxy (or the factory) as Ignition recorded it, from its own block.
    expect(Object.keys(book.contracts)).to.have.members([...ADDRESS_BOOK_CONTRACTS]);
    const recorded = journalAddresses();
    const recordedAs = {
      bountyBoard: "AtlasCapital#BountyBoardProxy",
      escrow: "AtlasCapital#MilestoneEscrowProxy",
      arbitration: "AtlasCapital#ArbitrationProxy",
      splitFactory: "AtlasCapital#RevenueSplitFactory",
    } as const;
    const head = Number(await rpc("eth_blockNumber"));
    for (const name of CAPITAL_CONTRACTS) {
      const { address, blockNumber } = book.contracts[name];
      expect(address, `${name} address`).to.equal(getAddress(recorded[recordedAs[name]]));
      expect(blockNumber, `${name} block`).to.be.greaterThan(0);
      expect(blockNumber, `${name} block`).to.be.lessThanOrEqual(head);
      const codeAt = (block: number) => rpcWith("eth_getCode", [address, `0x${block.toString(16)}`]);
      expect(await codeAt(blockNumber - 1), `${name} code before its block`).to.equal("0x");
      expect(await codeAt(blockNumber), `${name} code in its block`).to.not.equal("0x");
    }

    const blockAfterFirst = await rpc("eth_blockNumber");
    const second = await deploy();
    expect(second.code, second.output).to.equal(0);
    expect(await rpc("eth_blockNumber"), "blocks after a second run").to.equal(blockAfterFirst);
    expect(readFileSync(path.join(booksDir, "31337.json")).equals(bookBytes), "address book bytes").to.equal(true);
    expect(await readAddressBook(31337, booksDir)).to.deep.equal(book);
  });

  it("deploys the capital layer behind its recorded implementations, wired by governance, and hands the timelock over", async function () {
    const book = await readAddressBook(31337, booksDir);
    const accounts = await devAccounts(url);
    const recorded = journalAddresses();
    // The local configuration (deploy/config.ts): dev account 1 pauses, 17 guards proposals, 18 and 19 are fallback arbiters.
    const expected: StackExpectations = {
      deployer: accounts[0],
      guardian: accounts[LOCAL_ACCOUNTS.pauseGuardian],
      proposalGuardian: accounts[LOCAL_ACCOUNTS.proposalGuardian],
      fallbackArbiters: LOCAL_ACCOUNTS.fallbackArbiters.map((index) => accounts[index]),
      timelockDelay: 2n * DAY,
      ...DEFAULT_ARBITRATION_PERIODS,
      implementations: {
        bountyBoard: recorded["AtlasCapital#BountyBoardImplementation"],
        escrow: recorded["AtlasCapital#MilestoneEscrowImplementation"],
        arbitration: recorded["AtlasCapital#ArbitrationImplementation"],
      },
    };
    await withProvider(url, 31337, async (provider) => {
      await expectCapitalDeployed(provider, stackOf(book), expected);
      await expectCapitalWired(provider, stackOf(book));
      await expectSeparateGuardians(provider, stackOf(book), expected);
      await expectHandedOver(provider, stackOf(book), expected);
    });
  });

  it("drives governance through the SDK using only the address book", async function () {
    const book = await readAddressBook(31337, booksDir);
    const publicClient = createPublicClient({ chain: hardhat, transport: http(url) });
    // Dev account #2 holds genesis tokens (deploy/config.ts gives accounts 2-5 the holders' share).
    const holder = getAddress((await createWalletClient({ transport: http(url) }).getAddresses())[2]);
    const walletClient = createWalletClient({ chain: hardhat, transport: http(url), account: holder });
    const atlas = createAtlasClient({
      publicClient,
      walletClient,
      addresses: addressesOf(book),
      layers: { governance },
    });

    const settings = await atlas.governance.getGovernanceSettings();
    expect(settings.clockMode).to.equal("mode=timestamp");
    expect(settings.timelock.toLowerCase()).to.equal(book.contracts.timelock.address.toLowerCase());

    await atlas.governance.delegate({ delegatee: holder });
    expect(await atlas.governance.getDelegate({ account: holder })).to.equal(holder);
    expect(await atlas.governance.getVotes({ account: holder })).to.equal(150_000n * parseEther("1"));

    const { proposalId } = await atlas.governance.propose({
      targets: [book.contracts.token.address],
      values: [0n],
      calldatas: ["0x"],
      description: "e2e: a proposal made through the SDK against a node",
    });
    const proposals = await atlas.governance.getProposals({ fromBlock: BigInt(book.contracts.governor.blockNumber) });
    expect(proposals.map((p) => p.proposalId)).to.deep.equal([proposalId]);
    expect(await atlas.governance.getProposalState({ proposalId })).to.equal("Pending");
  });
});

describe("deploy to a chain that is not local (a node posing as Sepolia)", function () {
  this.timeout(240_000);

  const deploymentId = `atlas-11155111-e2e-${process.pid}`;
  let booksDir: string;
  let nodeUrl: string;
  let node: ChildProcess | undefined;
  let result: { code: number; output: string };

  before(async function () {
    const port = await freePort();
    nodeUrl = `http://127.0.0.1:${port}`;
    booksDir = await mkdtemp(path.join(tmpdir(), "atlas-books-"));
    node = await startHardhatNode(port, {
      chainId: 11_155_111,
      suite: this.test?.parent?.fullTitle() ?? "deploy to Sepolia",
      reason: "a chain that is not local (chain id 11155111)",
    });
    const env: NodeJS.ProcessEnv = {
      ATLAS_LOCALHOST_URL: nodeUrl,
      ATLAS_DEPLOYMENTS_DIR: booksDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
      ETHERSCAN_API_KEY: undefined,
    };
    result = await runNpm(["run", "deploy", "--", "--network", "localhost"], env);
  });

  after(async function () {
    if (node) await stop(node);
    rmSync(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
    rmSync(booksDir, { recursive: true, force: true });
  });

  it("uses deploy/config/testnet.json, writes the book, and skips verification in one line without a key", async function () {
    expect(result.code, result.output).to.equal(0);
    const book = await readAddressBook(11_155_111, booksDir);
    expect(book.chainId).to.equal(11_155_111);
    const skipped = result.output.split("\n").filter((line) => line.startsWith("Verification skipped"));
    expect(skipped).to.deep.equal([
      "Verification skipped: no ETHERSCAN_API_KEY configured (npx hardhat keystore set ETHERSCAN_API_KEY).",
    ]);

    const publicClient = createPublicClient({ transport: http(nodeUrl) });
    const atlas = createAtlasClient({
      publicClient,
      chainId: 11_155_111,
      addresses: addressesOf(book),
      layers: { governance },
    });
    const settings = await atlas.governance.getGovernanceSettings();
    expect(settings.votingDelay).to.equal(600n);
    expect(settings.votingPeriod).to.equal(86_400n);
    expect(settings.proposalGuardian).to.equal(undefined);
    const [deployer] = await createWalletClient({ transport: http(nodeUrl) }).getAddresses();
    expect(await atlas.governance.getVotes({ account: deployer })).to.equal(0n); // holds tokens, not yet delegated
  });

  it("deploys the capital layer with testnet.json's periods, wired by governance, and hands the timelock over", async function () {
    expect(result.code, result.output).to.equal(0);
    const book = await readAddressBook(11_155_111, booksDir);
    const [deployer] = await devAccounts(nodeUrl);
    // testnet.json: a one-hour timelock, no pauser and no proposal guardian, its two placeholder
    // fallback arbiters, a one-hour appeal window, a one-day ruling period.
    const expected: StackExpectations = {
      deployer,
      guardian: "0x0000000000000000000000000000000000000000",
      proposalGuardian: "0x0000000000000000000000000000000000000000",
      fallbackArbiters: ["0x00000000000000000000000000000000000fa11a", "0x00000000000000000000000000000000000fa11b"],
      timelockDelay: 3_600n,
      appealWindow: 3_600n,
      rulingPeriod: 86_400n,
    };
    await withProvider(nodeUrl, 11_155_111, async (provider) => {
      await expectCapitalDeployed(provider, stackOf(book), expected);
      await expectCapitalWired(provider, stackOf(book));
      await expectSeparateGuardians(provider, stackOf(book), expected);
      await expectHandedOver(provider, stackOf(book), expected);
    });
  });
});
