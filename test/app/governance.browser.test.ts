/**
 * The governance page (app/) in headless Chromium against a Hardhat node: the stack deployed with
 * `npm run deploy`, the page built with Vite and served with its `/atlas.config.json`, and a test
 * wallet injected as `window.ethereum` (dev keys sign in the test process). Two pages, two
 * accounts: one delegates and votes For with a reason, the other votes by EIP-712 signature.
 * Every tally the page shows is checked against the chain through the SDK.
 *
 * The indexer URL points at a port nothing listens on: the page falls back to the SDK's reads.
 */
import { mkdirSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { expect } from "chai";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createPublicClient, createWalletClient, http, parseEther, type Address, type PublicClient } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

import {
  AtlasContractError,
  addressesOf,
  atlasGovernorAbi,
  createAtlasClient,
  type AtlasAddresses,
  type AtlasClient,
} from "../../sdk/src/index.ts";
import { readAddressBook } from "../../sdk/src/node/index.ts";
import { freePort, runNpm, startHardhatNode, stopAll } from "../helpers/processes.ts";
import { injectWallet, type InjectedWallet } from "./injectedWallet.ts";
import { serveStatic, type StaticServer } from "./staticServer.ts";

/** Hardhat's dev accounts; #2-#5 hold 150,000 ATLAS each after a local deployment (deploy/config.ts). */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const devAccount = (index: number) => mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
const ATLAS = parseEther("1");

/** TOOLCHAIN.md §7; the user-data-dir is a fresh temporary directory given to launchPersistentContext. */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SCREENSHOTS = path.join("test-output");

/** How the page writes a timestamp timepoint: `2026-11-30 11:44 UTC`. */
const pageTime = (timepoint: bigint) =>
  `${new Date(Number(timepoint) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;

describe("governance page in Chromium", function () {
  this.timeout(300_000);

  const deploymentId = `atlas-31337-app-${process.pid}`;
  const timings: Record<string, number> = {};
  const pageErrors: string[] = [];
  let rpcUrl: string;
  let booksDir: string;
  let distDir: string;
  let profileDir: string;
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  let addresses: AtlasAddresses;
  let publicClient: PublicClient;
  let reader: AtlasClient;
  let voter: Page;
  let signer: Page;
  let voterWallet: InjectedWallet;
  let signerWallet: InjectedWallet;
  let proposalId: bigint;

  const rpc = async (method: string, params: unknown[] = []) => {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    return ((await response.json()) as { result: unknown }).result;
  };
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[label] = Math.round(performance.now() - start);
    }
  };
  const proposalItem = (page: Page) => page.locator(`li[data-proposal-id="${proposalId}"]`);
  const text = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).trim();
  const waitForText = (page: Page, testid: string, hasText: string | RegExp) =>
    page.getByTestId(testid).filter({ hasText }).waitFor({ timeout: 30_000 });

  before(async function () {
    const port = await freePort();
    rpcUrl = `http://127.0.0.1:${port}`;
    booksDir = await mkdtemp(path.join(tmpdir(), "atlas-books-"));
    distDir = await mkdtemp(path.join(tmpdir(), "atlas-app-dist-"));
    profileDir = await mkdtemp(path.join(tmpdir(), "atlas-chromium-"));
    await timed("hardhat node", () => startHardhatNode(port));

    // Deploy while the SDK and then the page build (the page bundles the SDK's dist/).
    const [deployed, built] = await Promise.all([
      timed("deploy", () =>
        runNpm(["run", "deploy", "--", "--network", "localhost"], {
          ATLAS_LOCALHOST_URL: rpcUrl,
          ATLAS_DEPLOYMENTS_DIR: booksDir,
          ATLAS_DEPLOYMENT_ID: deploymentId,
        }),
      ),
      timed("sdk + app build", async () => {
        const sdk = await runNpm(["run", "sdk:build"], {});
        if (sdk.code !== 0) return sdk;
        return runNpm(["run", "build", "--workspace", "@atlas-os/app", "--", "--outDir", distDir, "--emptyOutDir"], {});
      }),
    ]);
    expect(deployed.code, deployed.output).to.equal(0);
    expect(built.code, built.output).to.equal(0);
    addresses = addressesOf(await readAddressBook(31337, booksDir));

    publicClient = createPublicClient({ chain: hardhat, transport: http(rpcUrl) });
    reader = createAtlasClient({ publicClient, addresses });

    // The proposer (dev #2) delegates to itself through the SDK; the browser accounts are #3 and #4.
    const proposer = devAccount(2);
    const proposerClient = createAtlasClient({
      publicClient,
      walletClient: createWalletClient({ account: proposer, chain: hardhat, transport: http(rpcUrl) }),
      addresses,
    });
    await proposerClient.governance.delegate({ delegatee: proposer.address });
    await rpc("evm_mine");
    ({ proposalId } = await proposerClient.governance.propose({
      targets: [addresses.token],
      values: [0n],
      calldatas: ["0x"],
      description: "Fund the community call for Q1\n\nA no-op call that stands in for a real one.",
    }));

    server = await serveStatic(distDir, {
      "/atlas.config.json": {
        chainId: 31337,
        rpcUrl,
        indexerUrl: `http://127.0.0.1:${await freePort()}`, // nothing listens: the SDK fallback
        addresses,
      },
    });

    context = await timed("chromium launch", () =>
      chromium.launchPersistentContext(profileDir, {
        executablePath: "/usr/bin/chromium",
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1100, height: 1000 },
      }),
    );
    voter = context.pages()[0] ?? (await context.newPage());
    signer = await context.newPage();
    voterWallet = await injectWallet(voter, { account: devAccount(3), rpcUrl, chainId: 31337 });
    signerWallet = await injectWallet(signer, { account: devAccount(4), rpcUrl, chainId: 31337 });
    for (const page of [voter, signer]) page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  after(async function () {
    await context?.close();
    await server?.close();
    await stopAll();
    rmSync(path.join("ignition", "deployments", deploymentId), { recursive: true, force: true });
    for (const dir of [booksDir, distDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    console.log(`      timings (ms): ${JSON.stringify(timings)}`);
  });

  it("loads, and says that proposals come from the chain while the indexer is unreachable", async function () {
    for (const page of [voter, signer]) {
      await timed(`page load ${page === voter ? "voter" : "signer"}`, async () => {
        await page.goto(server!.url);
        await page.locator("body[data-ready=true]").waitFor({ timeout: 30_000 });
      });
    }
    expect(await text(voter, "network")).to.equal(`Chain 31337 · governor ${addresses.governor}`);
    expect(await voter.getByTestId("source-notice").isVisible(), "fallback notice shown").to.equal(true);
    expect(await text(voter, "source-notice")).to.match(
      /^The indexer \(http:\/\/127\.0\.0\.1:\d+\) is unreachable: proposals are read from the chain directly, which is slower\.$/,
    );
    expect(await voter.getByTestId("proposal").count(), "proposals listed").to.equal(1);
    expect(await proposalItem(voter).getByTestId("state").innerText()).to.equal("Pending");
    expect(await proposalItem(voter).getByTestId("vote-hint").innerText()).to.equal("Connect your wallet to vote.");
    expect(await proposalItem(voter).getByTestId("vote").isDisabled(), "vote button before connecting").to.equal(true);
  });

  it("connects the injected wallet and delegates to itself, and the chain agrees", async function () {
    const account = voterWallet.account.address;
    await voter.getByTestId("connect").click();
    await waitForText(voter, "message", "Connected");
    expect(await text(voter, "account")).to.equal(account);
    expect(await text(voter, "voting-power")).to.equal("0 ATLAS");
    expect(await text(voter, "delegate")).to.match(/^Nobody yet/);

    await timed("delegate (click to tally)", async () => {
      await voter.getByTestId("delegate-self").click();
      await waitForText(voter, "message", "Delegated to yourself");
    });
    expect(await text(voter, "voting-power")).to.equal("150,000 ATLAS");
    expect(await text(voter, "delegate")).to.equal(`Yourself (${account.slice(0, 6)}…${account.slice(-4)})`);
    expect(await reader.governance.getDelegate({ account }), "delegate on chain").to.equal(account);
    expect(await reader.governance.getVotes({ account }), "votes on chain").to.equal(150_000n * ATLAS);
  });

  it("delegates to an address typed in the form (the second account, to itself)", async function () {
    const account = signerWallet.account.address;
    await signer.getByTestId("connect").click();
    await waitForText(signer, "message", "Connected");
    await signer.getByTestId("delegatee").fill(account.toLowerCase());
    await signer.getByTestId("delegate-submit").click();
    await waitForText(signer, "message", "Delegated to yourself");
    expect(await text(signer, "voting-power")).to.equal("150,000 ATLAS");
    expect(await reader.governance.getDelegate({ account }), "delegate on chain").to.equal(account);
  });

  it("shows the proposal active, with its tallies and deadline, once voting opens", async function () {
    const { votingDelay } = await reader.governance.getGovernanceSettings();
    await rpc("evm_increaseTime", [Number(votingDelay) + 1]);
    await rpc("evm_mine");
    const onChain = await reader.governance.getProposal({ proposalId });
    expect(onChain.state).to.equal("Active");

    for (const page of [voter, signer]) {
      await page.getByTestId("refresh").click();
      await waitForText(page, "message", "Proposals refreshed.");
    }
    const item = proposalItem(voter);
    expect(await item.getByTestId("description").innerText()).to.equal("Fund the community call for Q1");
    expect(await item.getByTestId("state").innerText()).to.equal("Active");
    expect(await item.getByTestId("tally-for").innerText()).to.equal("0 ATLAS");
    expect(await item.getByTestId("tally-against").innerText()).to.equal("0 ATLAS");
    expect(await item.getByTestId("tally-abstain").innerText()).to.equal("0 ATLAS");
    expect(await item.getByTestId("timing").innerText()).to.equal(
      `· Voting closes ${pageTime(onChain.deadline)} (in 7 days)`,
    );
    expect(await item.getByTestId("deadline").getAttribute("datetime")).to.equal(
      new Date(Number(onChain.deadline) * 1000).toISOString(),
    );
    expect(await item.getByTestId("vote").isEnabled(), "vote button").to.equal(true);
  });

  it("votes For with a reason, shows the new tally, and the chain agrees", async function () {
    const account = voterWallet.account.address;
    const item = proposalItem(voter);
    await item.getByTestId("support-for").check();
    await item.getByTestId("reason").fill("Community calls keep contributors aligned.");
    await timed("vote (click to tally)", async () => {
      await item.getByTestId("vote").click();
      await waitForText(voter, "message", "Voted For");
    });
    expect(await text(voter, "message")).to.equal(
      "Voted For with 150,000 ATLAS: “Community calls keep contributors aligned.”.",
    );
    expect(await item.getByTestId("tally-for").innerText()).to.equal("150,000 ATLAS");
    expect(await item.getByTestId("vote-hint").innerText()).to.equal("You have voted on this proposal.");
    expect(await item.getByTestId("vote").isDisabled(), "vote button after voting").to.equal(true);

    expect(await reader.governance.getProposalVotes({ proposalId }), "tallies on chain").to.deep.equal({
      for: 150_000n * ATLAS,
      against: 0n,
      abstain: 0n,
    });
    const [cast] = await publicClient.getContractEvents({
      address: addresses.governor,
      abi: atlasGovernorAbi,
      eventName: "VoteCast",
      args: { voter: account },
      fromBlock: 0n,
    });
    expect(cast?.args).to.deep.include({
      voter: account,
      proposalId,
      support: 1,
      weight: 150_000n * ATLAS,
      reason: "Community calls keep contributors aligned.",
    });
  });

  it("shows the wallet's rejection of a ballot signature, and nothing is counted", async function () {
    const item = proposalItem(signer);
    await item.getByTestId("support-against").check();
    const before = signerWallet.requests.length;
    signerWallet.rejectNext();
    await item.getByTestId("vote-by-signature").click();
    await waitForText(signer, "error", "cancelled");
    expect(await text(signer, "error")).to.equal(
      "Signed vote cancelled: The request was rejected in the wallet. Nothing was signed or sent.",
    );
    const asked = signerWallet.requests.slice(before);
    expect(
      asked.filter((m) => m === "eth_signTypedData_v4"),
      "signature requests",
    ).to.have.length(1);
    expect(asked, "no transaction sent").not.to.include("eth_sendTransaction");
    expect(await reader.governance.hasVoted({ proposalId, account: signerWallet.account.address })).to.equal(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await signer.screenshot({ path: path.join(SCREENSHOTS, "governance-rejected-signature.png"), fullPage: true });
  });

  it("votes Against by EIP-712 signature from the second account; both pages show the chain's tallies", async function () {
    const account: Address = signerWallet.account.address;
    const item = proposalItem(signer);
    const before = signerWallet.requests.length;
    await timed("vote by signature (click to tally)", async () => {
      await item.getByTestId("vote-by-signature").click();
      await waitForText(signer, "message", "Signed vote Against");
    });
    expect(await text(signer, "message")).to.equal(
      `Signed vote Against by ${account.slice(0, 6)}…${account.slice(-4)} counted with 150,000 ATLAS.`,
    );
    const approvals = signerWallet.requests
      .slice(before)
      .filter((m) => m === "eth_signTypedData_v4" || m === "eth_sendTransaction");
    expect(approvals, "the wallet signed typed data, then sent castVoteBySig").to.deep.equal([
      "eth_signTypedData_v4",
      "eth_sendTransaction",
    ]);
    expect(await item.getByTestId("tally-against").innerText()).to.equal("150,000 ATLAS");

    expect(await reader.governance.getProposalVotes({ proposalId }), "tallies on chain").to.deep.equal({
      for: 150_000n * ATLAS,
      against: 150_000n * ATLAS,
      abstain: 0n,
    });
    expect(await reader.governance.hasVoted({ proposalId, account }), "signer voted").to.equal(true);
    expect(
      await publicClient.readContract({
        address: addresses.governor,
        abi: atlasGovernorAbi,
        functionName: "nonces",
        args: [account],
      }),
      "ballot nonce used",
    ).to.equal(1n);

    await voter.getByTestId("refresh").click();
    await waitForText(voter, "message", "Proposals refreshed.");
    const seen = proposalItem(voter);
    expect(await seen.getByTestId("tally-for").innerText()).to.equal("150,000 ATLAS");
    expect(await seen.getByTestId("tally-against").innerText()).to.equal("150,000 ATLAS");
    expect(await seen.getByTestId("tally-abstain").innerText()).to.equal("0 ATLAS");
    await voter.screenshot({ path: path.join(SCREENSHOTS, "governance.png"), fullPage: true });
  });

  it("says why a vote fails on chain, in the SDK's sentence: no voting power at the snapshot", async function () {
    // The user selects, in the same wallet, an account (dev #6) that holds no tokens.
    const empty = devAccount(6);
    await signerWallet.switchAccount(empty);
    await waitForText(signer, "account", empty.address);
    expect(await text(signer, "voting-power")).to.equal("0 ATLAS");
    const item = proposalItem(signer);
    await item.getByTestId("support-for").check();
    await item.getByTestId("vote").click();
    await waitForText(signer, "error", "failed on chain");
    const { snapshot } = await reader.governance.getProposal({ proposalId });
    const sentence = new AtlasContractError("AtlasGovernorZeroVotingPower", [proposalId, empty.address, snapshot])
      .shortMessage;
    expect(await text(signer, "error")).to.equal(`Vote failed on chain: ${sentence}`);
    expect(sentence, "the SDK's sentence").to.match(/had no voting power at the snapshot/);
    expect(await reader.governance.getProposalVotes({ proposalId }), "tallies on chain").to.deep.equal({
      for: 150_000n * ATLAS,
      against: 150_000n * ATLAS,
      abstain: 0n,
    });
  });

  it("tells the user to switch network when the wallet is on another chain, and switches it", async function () {
    await voterWallet.switchChain(1);
    await voter.getByTestId("switch-chain").waitFor({ state: "visible" });
    await voter.getByTestId("delegate-self").click();
    await waitForText(voter, "error", "not sent");
    expect(await text(voter, "error")).to.equal(
      "Delegate not sent: The wallet is on chain 1, but Atlas OS is read from chain 31337: switch the wallet's network.",
    );
    await voter.getByTestId("switch-chain").click();
    await waitForText(voter, "message", "now on chain");
    expect(await text(voter, "message")).to.equal("The wallet is now on chain 31337.");
    expect(await voter.getByTestId("switch-chain").isVisible(), "switch button after switching").to.equal(false);
    expect(pageErrors, "uncaught errors in the pages").to.deep.equal([]);
  });
});
