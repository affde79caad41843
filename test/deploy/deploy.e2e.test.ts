/**
 * End to end on a real local chain over HTTP: `npm run deploy -- --network localhost` (the same
 * command as for Sepolia, only the network name differs) deploys the stack and writes the address
 * book; a second run sends no transaction; then the SDK, given nothing but that address book,
 * reads and writes governance on the node.
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { createPublicClient, createWalletClient, getAddress, http, parseEther } from "viem";
import { hardhat } from "viem/chains";

import { addressesOf, createAtlasClient } from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { freePort, runNpm, startHardhatNode, stopAll } from "../helpers/processes.ts";

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
  const rpc = async (method: string) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: [] }),
    });
    return ((await response.json()) as { result: string }).result;
  };

  before(async function () {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    booksDir = await mkdtemp(path.join(tmpdir(), "atlas-books-"));
    await startHardhatNode(port);
  });

  after(async function () {
    await stopAll();
    rmSync(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
    rmSync(booksDir, { recursive: true, force: true });
  });

  it("deploys, writes the address book, and changes nothing when run again", async function () {
    const first = await deploy();
    expect(first.code, first.output).to.equal(0);
    const book = await readAddressBook(31337, booksDir);
    expect(book.contracts.timelock.blockNumber).to.be.greaterThan(0);
    expect(book.contracts.token.blockNumber).to.be.greaterThanOrEqual(book.contracts.timelock.blockNumber);
    expect(book.contracts.governor.blockNumber).to.be.greaterThanOrEqual(book.contracts.token.blockNumber);

    const blockAfterFirst = await rpc("eth_blockNumber");
    const second = await deploy();
    expect(second.code, second.output).to.equal(0);
    expect(await rpc("eth_blockNumber"), "blocks after a second run").to.equal(blockAfterFirst);
    expect(await readAddressBook(31337, booksDir)).to.deep.equal(book);
  });

  it("drives governance through the SDK using only the address book", async function () {
    const book = await readAddressBook(31337, booksDir);
    const publicClient = createPublicClient({ chain: hardhat, transport: http(url) });
    // Dev account #2 holds genesis tokens (deploy/config.ts gives accounts 2-5 the holders' share).
    const holder = getAddress((await createWalletClient({ transport: http(url) }).getAddresses())[2]);
    const walletClient = createWalletClient({ chain: hardhat, transport: http(url), account: holder });
    const atlas = createAtlasClient({ publicClient, walletClient, addresses: addressesOf(book) });

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
  let result: { code: number; output: string };

  before(async function () {
    const port = await freePort();
    nodeUrl = `http://127.0.0.1:${port}`;
    booksDir = await mkdtemp(path.join(tmpdir(), "atlas-books-"));
    await startHardhatNode(port, 11_155_111);
    const env: NodeJS.ProcessEnv = {
      ATLAS_LOCALHOST_URL: nodeUrl,
      ATLAS_DEPLOYMENTS_DIR: booksDir,
      ATLAS_DEPLOYMENT_ID: deploymentId,
      ETHERSCAN_API_KEY: undefined,
    };
    result = await runNpm(["run", "deploy", "--", "--network", "localhost"], env);
  });

  after(async function () {
    await stopAll();
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
    const atlas = createAtlasClient({ publicClient, chainId: 11_155_111, addresses: addressesOf(book) });
    const settings = await atlas.governance.getGovernanceSettings();
    expect(settings.votingDelay).to.equal(600n);
    expect(settings.votingPeriod).to.equal(86_400n);
    expect(settings.proposalGuardian).to.equal(undefined);
    const [deployer] = await createWalletClient({ transport: http(nodeUrl) }).getAddresses();
    expect(await atlas.governance.getVotes({ account: deployer })).to.equal(0n); // holds tokens, not yet delegated
  });
});
